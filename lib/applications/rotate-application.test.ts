import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { ApiProblem } from "@/lib/api/problem";
import { authenticateApplication } from "@/lib/applications/authenticate-application";
import { createApplication } from "@/lib/applications/create-application";
import { revokeApplication } from "@/lib/applications/revoke-application";
import { rotateApplication } from "@/lib/applications/rotate-application";

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const refused = (error: unknown) => error instanceof ApiProblem && error.status === 401 && error.code === "INVALID_CREDENTIALS";

async function staffMember() {
  return db.user.create({ data: { email: `admin-${crypto.randomUUID()}@example.test`, name: "Admin", role: "ADMIN" } });
}

test("a rotation replaces the key: the old one is refused at once, the new one works, the client id stays", async () => {
  const admin = await staffMember();
  const created = await createApplication({ db, name: "Shop", actorId: admin.id, meta: { ip: "203.0.113.9", userAgent: "test" } });
  await authenticateApplication(bearer(created.secret));

  const rotated = await rotateApplication({ db, clientId: created.clientId, actorId: admin.id, meta: { ip: "203.0.113.9" } });
  assert.equal(rotated.status, "rotated");
  if (rotated.status !== "rotated") return;
  assert.equal(rotated.clientId, created.clientId);
  assert.notEqual(rotated.secret, created.secret);
  await assert.rejects(authenticateApplication(bearer(created.secret)), refused);
  assert.equal((await authenticateApplication(bearer(rotated.secret))).clientId, created.clientId);

  const events = await db.auditEvent.findMany({ where: { applicationId: created.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.action, e.actorId, e.userId, e.ip]),
    [
      ["application.created", admin.id, null, "203.0.113.9"],
      ["application.rotated", admin.id, null, "203.0.113.9"],
    ],
  );
  for (const event of events) {
    assert.ok(!event.details?.includes(created.secret.slice(7)) && !event.details?.includes(rotated.secret.slice(7)), "a key reached the audit log");
  }
});

test("a revoked application is not brought back by a rotation; an unknown one is not found", async () => {
  const admin = await staffMember();
  const created = await createApplication({ db, name: "Gone" });
  const revoked = await revokeApplication({ db, clientId: created.clientId, actorId: admin.id });
  assert.equal(revoked.status, "revoked");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { applicationId: created.id, action: "application.revoked" } });
  assert.equal(audit.actorId, admin.id);

  const before = await db.apiApplication.findUniqueOrThrow({ where: { id: created.id } });
  assert.deepEqual(await rotateApplication({ db, clientId: created.clientId, actorId: admin.id }), { status: "revoked", name: "Gone" });
  assert.equal((await db.apiApplication.findUniqueOrThrow({ where: { id: created.id } })).secretHash, before.secretHash);
  await assert.rejects(authenticateApplication(bearer(created.secret)), refused);
  assert.equal(await db.auditEvent.count({ where: { applicationId: created.id, action: "application.rotated" } }), 0);
  assert.deepEqual(await rotateApplication({ db, clientId: "app_0000000000000000000000" }), { status: "not-found" });
});

test("rotations at once: exactly one of the keys handed out works, and every rotation that said so is audited", async () => {
  const created = await createApplication({ db, name: "Race" });
  const results = await Promise.all(Array.from({ length: 5 }, () => rotateApplication({ db, clientId: created.clientId })));
  const rotated = results.flatMap((r) => (r.status === "rotated" ? [r.secret] : []));
  assert.ok(rotated.length >= 1);
  for (const r of results) assert.ok(r.status === "rotated" || r.status === "changed-meanwhile", r.status);
  const working = [];
  for (const secret of [created.secret, ...rotated]) {
    if (await authenticateApplication(bearer(secret)).then(() => true, () => false)) working.push(secret);
  }
  assert.equal(working.length, 1);
  assert.equal(await db.auditEvent.count({ where: { applicationId: created.id, action: "application.rotated" } }), rotated.length);
});
