import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createApplication } from "@/lib/applications/create-application";
import { findLiveSession, rotateSession } from "@/lib/auth/sessions";
import { isRecentlyAuthenticated } from "@/lib/auth/confirm-password";
import { forgetAllSettings } from "@/lib/settings/settings-store";
import { WIDGET_ORIGINS_KEY } from "@/lib/widget/widget-origins";
import { issueWidgetToken, redeemWidgetToken, WIDGET_TOKEN_MINUTES } from "@/lib/widget/widget-tokens";
import { findLiveWidgetSession, widgetSessionCredential } from "@/lib/widget/widget-session";
import { getFlow, sendFlowEvent, startFlow } from "@/lib/flows/flow-executions";

const meta = { ip: "192.0.2.20", userAgent: "widget-test" };
const SHOP = "https://shop.example";
const OTHER = "https://other.example";
const flow = "device-management" as const;

async function allowOrigins(origins: string[]) {
  const value = JSON.stringify(origins);
  await db.setting.upsert({ where: { key: WIDGET_ORIGINS_KEY }, create: { key: WIDGET_ORIGINS_KEY, value }, update: { value } });
  forgetAllSettings();
}

async function application(name = "Shop") {
  const created = await createApplication({ db, name: `${name} ${randomUUID().slice(0, 6)}` });
  return { id: created.id };
}

/** A user the application provisioned; with `device`, MFA on and an active email device. */
async function userOf(app: { id: string }, options: { device?: boolean; externalId?: string } = {}) {
  const user = await db.user.create({ data: { email: `wt-${randomUUID()}@test.local`, mfaEnabled: Boolean(options.device) } });
  if (options.device) await db.device.create({ data: { userId: user.id, type: "EMAIL", status: "ACTIVE", nickname: "Inbox", target: "x@test.local" } });
  await db.apiApplicationUser.create({ data: { applicationId: app.id, userId: user.id, externalId: options.externalId ?? null } });
  return user;
}

async function refusal(promise: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

test("a token opens one widget session for its user, once: stored hashed, a replay refused and audited", async () => {
  await allowOrigins([SHOP]);
  const app = await application();
  const user = await userOf(app, { externalId: "cust-1" });
  const issued = await issueWidgetToken({ application: app, user: { externalId: "cust-1" }, flow, origin: SHOP, meta });
  assert.match(issued.token, /^mfa_wt_[A-Za-z0-9_-]{43}$/);
  assert.equal(issued.userId, user.id);
  assert.ok(Math.abs(issued.expiresAt.getTime() - Date.now() - WIDGET_TOKEN_MINUTES * 60_000) < 5_000);
  const row = await db.widgetToken.findFirstOrThrow({ where: { userId: user.id } });
  assert.notEqual(row.tokenHash, issued.token);
  assert.ok(!JSON.stringify(row).includes(issued.token.slice(7)), "only the hash is stored");

  const session = await redeemWidgetToken({ token: issued.token, flow, origin: SHOP, meta });
  assert.equal(session.userId, user.id);
  assert.equal(session.widgetApplicationId, app.id);
  assert.equal(session.widgetOrigin, SHOP);
  assert.equal(session.authMethods, "widget_token");

  await refusal(redeemWidgetToken({ token: issued.token, flow, origin: SHOP, meta }), "UNAUTHENTICATED");
  const actions = (await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.action);
  assert.deepEqual(actions, ["widget.token_issued", "widget.opened", "widget.token_refused"]);
  assert.equal(await db.session.count({ where: { userId: user.id } }), 1);
});

test("of twenty racing uses of one token exactly one opens a session", async () => {
  await allowOrigins([SHOP]);
  const app = await application();
  const user = await userOf(app);
  const { token } = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta });
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => redeemWidgetToken({ token, flow, origin: SHOP, meta })));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db.session.count({ where: { userId: user.id } }), 1);
});

test("an expired token, a made-up one, and one shown on another origin or for another flow are refused; a wrong try spends it", async () => {
  await allowOrigins([SHOP, OTHER]);
  const app = await application();
  const user = await userOf(app);
  const old = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta, now: new Date(Date.now() - (WIDGET_TOKEN_MINUTES + 1) * 60_000) });
  await refusal(redeemWidgetToken({ token: old.token, flow, origin: SHOP, meta }), "UNAUTHENTICATED");
  await refusal(redeemWidgetToken({ token: `mfa_wt_${"A".repeat(43)}`, flow, origin: SHOP, meta }), "UNAUTHENTICATED");
  await refusal(redeemWidgetToken({ token: "not a token", flow, origin: SHOP, meta }), "UNAUTHENTICATED");

  const elsewhere = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta });
  await refusal(redeemWidgetToken({ token: elsewhere.token, flow, origin: OTHER, meta }), "UNAUTHENTICATED");
  await refusal(redeemWidgetToken({ token: elsewhere.token, flow, origin: SHOP, meta }), "UNAUTHENTICATED");
  assert.equal(await db.session.count({ where: { userId: user.id } }), 0);
});

test("an application gets tokens only for its own users and only for allowed origins", async () => {
  await allowOrigins([SHOP]);
  const shop = await application("Shop");
  const desk = await application("Desk");
  const deskUser = await userOf(desk, { externalId: "same-id" });
  await userOf(shop, { externalId: "same-id" });
  await refusal(issueWidgetToken({ application: shop, user: { userId: deskUser.id }, flow, origin: SHOP, meta }), "NOT_FOUND");
  // The same externalId at another application is another person: the token is for the shop's.
  const issued = await issueWidgetToken({ application: shop, user: { externalId: "same-id" }, flow, origin: SHOP, meta });
  assert.notEqual(issued.userId, deskUser.id);
  await refusal(issueWidgetToken({ application: shop, user: { userId: "nobody" }, flow, origin: SHOP, meta }), "NOT_FOUND");
  await refusal(issueWidgetToken({ application: desk, user: { userId: deskUser.id }, flow, origin: "https://evil.example", meta }), "VALIDATION");
  assert.equal(await db.widgetToken.count({ where: { userId: deskUser.id } }), 0);
});

test("a revoked application's tokens and widget sessions stop working", async () => {
  await allowOrigins([SHOP]);
  const app = await application();
  const user = await userOf(app);
  const first = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta });
  const second = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta });
  const session = await redeemWidgetToken({ token: first.token, flow, origin: SHOP, meta });
  const credential = `Bearer ${widgetSessionCredential(session)}`;
  assert.equal((await findLiveWidgetSession(credential))?.id, session.id);
  await db.apiApplication.update({ where: { id: app.id }, data: { revokedAt: new Date() } });
  assert.equal(await findLiveWidgetSession(credential), null);
  await refusal(redeemWidgetToken({ token: second.token, flow, origin: SHOP, meta }), "UNAUTHENTICATED");
});

test("a widget session is reached only by its signed credential, never as a portal session, and keeps its kind when rotated", async () => {
  await allowOrigins([SHOP]);
  const app = await application();
  const user = await userOf(app);
  const { token } = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta });
  const session = await redeemWidgetToken({ token, flow, origin: SHOP, meta });
  const credential = widgetSessionCredential(session);
  assert.equal(await findLiveWidgetSession(`Bearer ${credential.slice(0, -2)}xx`), null);
  assert.equal(await findLiveWidgetSession(`Bearer ${session.id}`), null);
  assert.equal(await findLiveWidgetSession(null), null);
  assert.equal(await findLiveSession(session.id), null, "the cookie's lookup refuses a widget session");

  const portal = await db.session.create({ data: { userId: user.id, familyId: randomUUID(), authMethods: "pwd", expiresAt: new Date(Date.now() + 60_000) } });
  assert.equal(await findLiveWidgetSession(`Bearer ${widgetSessionCredential(portal)}`), null, "and the widget's refuses a portal session");

  const rotated = await rotateSession({ sessionId: session.id, userId: user.id, method: "otp", meta });
  assert.ok(rotated);
  assert.equal(rotated.widgetOrigin, SHOP);
  assert.equal(rotated.widgetApplicationId, app.id);
  assert.equal(await findLiveWidgetSession(`Bearer ${credential}`), null, "the replaced credential is dead");
  assert.equal((await findLiveWidgetSession(`Bearer ${widgetSessionCredential(rotated)}`))?.id, rotated.id);
});

test("the token stands for the first factor: fresh for an account without a second factor, a step-up first for one with it", async () => {
  await allowOrigins([SHOP]);
  const app = await application();
  for (const [device, fresh] of [[false, true], [true, false]] as const) {
    const user = await userOf(app, { device });
    const { token } = await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta });
    const session = await redeemWidgetToken({ token, flow, origin: SHOP, meta });
    assert.equal(await isRecentlyAuthenticated({ sessionId: session.id }), fresh);
  }
});

test("a widget session's flow is its own: another widget session of the same user and the user's portal session do not find it", async () => {
  await allowOrigins([SHOP]);
  const app = await application();
  const user = await userOf(app, { device: true });
  const open = async () => redeemWidgetToken({ token: (await issueWidgetToken({ application: app, user: { userId: user.id }, flow, origin: SHOP, meta })).token, flow, origin: SHOP, meta });
  const [first, second] = [await open(), await open()];
  const portal = await db.session.create({ data: { userId: user.id, familyId: randomUUID(), authMethods: "pwd", expiresAt: new Date(Date.now() + 60_000) } });
  const caller = (session: { id: string; familyId: string }) => ({ meta, session: { id: session.id, familyId: session.familyId } });
  const started = await startFlow({ kind: "device-management", userId: user.id, input: {}, door: "widget", caller: caller(first) });
  assert.equal((await getFlow({ id: started.id, userId: user.id, caller: caller(first) })).view.section, "DISPLAY_USER_DEVICES");
  for (const stranger of [second, portal]) {
    await refusal(getFlow({ id: started.id, userId: user.id, caller: caller(stranger) }), "NOT_FOUND");
    await refusal(sendFlowEvent({ id: started.id, userId: user.id, event: { type: "DONE" }, caller: caller(stranger) }), "NOT_FOUND");
  }
  assert.equal((await getFlow({ id: started.id, userId: user.id, caller: caller(first) })).result, null);
});
