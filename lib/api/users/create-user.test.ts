import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { ApiProblem } from "@/lib/api/problem";
import { createApplication } from "@/lib/applications/create-application";
import type { AuthenticatedApplication } from "@/lib/applications/authenticate-application";
import { createUser } from "@/lib/api/users/create-user";
import { getUser } from "@/lib/api/users/get-user";
import { findUserByExternalId } from "@/lib/api/users/find-user-by-external-id";
import { createApiUserSchema } from "@/lib/validations/api-users";

const meta = { ip: "192.0.2.10", userAgent: "shop-backend/1.0" };
const uniqueEmail = () => `api-${randomUUID()}@test.local`;

async function application(name = "Shop"): Promise<AuthenticatedApplication> {
  const created = await createApplication({ db, name });
  return { id: created.id, clientId: created.clientId, name: created.name, rateLimitPerMinute: null };
}

const input = (fields: Record<string, unknown>) => createApiUserSchema.parse(fields);

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiProblem, String(error));
    return error;
  }
  assert.fail("expected a problem");
}

test("an application provisions a user: stored normalised, linked to it with its externalId, audited with the application as actor", async () => {
  const shop = await application();
  const email = uniqueEmail();
  const externalId = `cust-${randomUUID()}`;
  const user = await createUser({ application: shop, input: input({ email: email.toUpperCase(), phone: "+44 7400 123456", username: `U-${externalId}`, externalId }), meta });
  assert.equal(user.email, email);
  assert.equal(user.phone, "+447400123456");
  assert.equal(user.username, `u-${externalId}`);
  assert.equal(user.externalId, externalId);
  assert.equal(user.mfaEnabled, false);

  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { applications: true } });
  assert.equal(stored.passwordHash, null, "no password: the person signs in by emailed link, or through the flows");
  assert.equal(stored.emailVerifiedAt, null, "the application's word does not confirm the address");
  assert.deepEqual(stored.applications.map((a) => [a.applicationId, a.externalId]), [[shop.id, externalId]]);

  const audit = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "user.provisioned" } });
  assert.equal(audit.applicationId, shop.id);
  assert.equal(audit.actorId, null);
  assert.equal(audit.ip, "192.0.2.10");
  assert.deepEqual(JSON.parse(audit.details!), { clientId: shop.clientId, application: "Shop", externalId });

  assert.deepEqual(await getUser({ application: shop, userId: user.id }), user);
  assert.deepEqual(await findUserByExternalId({ application: shop, externalId }), user);
});

test("an email that has an account is 409 USER_EXISTS, whoever made it; only the application's own user is linked", async () => {
  const shop = await application("Shop");
  const blog = await application("Blog");
  const email = uniqueEmail();
  const mine = await createUser({ application: shop, input: input({ email }), meta });

  const again = await problemOf(createUser({ application: shop, input: input({ email: ` ${email.toUpperCase()}` }), meta }));
  assert.equal(again.code, "USER_EXISTS");
  assert.equal(again.status, 409);
  assert.deepEqual(again.options.errors?.map((e) => e.field), ["email"]);
  assert.match(String(again.options.extensions?.existingUser), new RegExp(`/api/v1/users/${mine.id}$`));

  const foreign = await problemOf(createUser({ application: blog, input: input({ email }), meta }));
  assert.equal(foreign.code, "USER_EXISTS");
  assert.equal(foreign.options.extensions, undefined, "another application's user is not linked to");

  // A person who signed up in the portal has an account too.
  const portal = await db.user.create({ data: { email: uniqueEmail() } });
  assert.equal((await problemOf(createUser({ application: shop, input: input({ email: portal.email }), meta }))).code, "USER_EXISTS");
  assert.equal(await db.user.count({ where: { email } }), 1);
});

test("a username is unique across the installation; an externalId only within one application", async () => {
  const shop = await application("Shop");
  const blog = await application("Blog");
  const username = `name-${randomUUID()}`;
  const externalId = `42-${randomUUID()}`;
  const first = await createUser({ application: shop, input: input({ email: uniqueEmail(), username, externalId }), meta });

  const sameName = await problemOf(createUser({ application: blog, input: input({ email: uniqueEmail(), username: username.toUpperCase() }), meta }));
  assert.equal(sameName.code, "USERNAME_TAKEN");
  assert.deepEqual(sameName.options.errors?.map((e) => e.field), ["username"]);

  const sameId = await problemOf(createUser({ application: shop, input: input({ email: uniqueEmail(), externalId }), meta }));
  assert.equal(sameId.code, "EXTERNAL_ID_TAKEN");
  assert.match(String(sameId.options.extensions?.existingUser), new RegExp(`/users/${first.id}$`));

  // The same externalId in another application is that application's name for another person.
  const other = await createUser({ application: blog, input: input({ email: uniqueEmail(), externalId }), meta });
  assert.notEqual(other.id, first.id);
  assert.equal((await findUserByExternalId({ application: shop, externalId }))?.id, first.id);
  assert.equal((await findUserByExternalId({ application: blog, externalId }))?.id, other.id);
});

test("an application sees only its own users: another's user and an unknown id are the same 'not found'", async () => {
  const shop = await application("Shop");
  const blog = await application("Blog");
  const externalId = `c-${randomUUID()}`;
  const user = await createUser({ application: shop, input: input({ email: uniqueEmail(), externalId }), meta });
  const foreign = await problemOf(getUser({ application: blog, userId: user.id }));
  const unknown = await problemOf(getUser({ application: blog, userId: `no-${randomUUID()}` }));
  assert.equal(foreign.code, "NOT_FOUND");
  assert.deepEqual([foreign.code, foreign.detail], [unknown.code, unknown.detail]);
  assert.equal(await findUserByExternalId({ application: blog, externalId }), null);
  // Nor does a portal account exist for any application until one provisions it.
  const portal = await db.user.create({ data: { email: uniqueEmail() } });
  assert.equal((await problemOf(getUser({ application: shop, userId: portal.id }))).code, "NOT_FOUND");
});

test("10 parallel requests for one new email: one user is made, the other nine are told it exists", async () => {
  const shop = await application();
  const email = uniqueEmail();
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) => createUser({ application: shop, input: input({ email, externalId: `p-${i}-${randomUUID()}` }), meta })),
  );
  assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
  const codes = outcomes.flatMap((o) => (o.status === "rejected" ? [(o.reason as ApiProblem).code] : []));
  assert.deepEqual(codes, Array(9).fill("USER_EXISTS"));
  assert.equal(await db.user.count({ where: { email } }), 1);
  assert.equal(await db.auditEvent.count({ where: { action: "user.provisioned", user: { email } } }), 1);
});
