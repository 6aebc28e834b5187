import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { ApiProblem } from "@/lib/api/problem";
import { generateApplicationSecret, hashApplicationSecret } from "@/lib/applications/application-secret";
import { authenticateApplication } from "@/lib/applications/authenticate-application";
import { createApplication } from "@/lib/applications/create-application";
import { revokeApplication } from "@/lib/applications/revoke-application";

const bearer = (secret: string) => `Bearer ${secret}`;

function refusedWith(code: string, challenge: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ApiProblem, String(error));
    assert.equal(error.code, code);
    assert.equal(error.status, 401);
    assert.match(error.options.headers?.["WWW-Authenticate"] ?? "", challenge);
    return true;
  };
}

test("a new application's key is handed out once; the database keeps its hash and nothing from which to read it", async () => {
  const created = await createApplication({ db, name: "  Shop  " });
  assert.equal(created.name, "Shop");
  const row = await db.apiApplication.findUniqueOrThrow({ where: { clientId: created.clientId } });
  assert.equal(row.secretHash, hashApplicationSecret(created.secret));
  assert.ok(!JSON.stringify(row).includes(created.secret.slice(7)), "the key is stored in the clear");
  assert.equal(row.rateLimitPerMinute, null);
  assert.equal(row.revokedAt, null);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { applicationId: row.id, action: "application.created" } });
  assert.equal(audit.userId, null);
  assert.equal(audit.actorId, null);
  assert.ok(!audit.details?.includes(created.secret), "the key reached the audit log");
});

test("names and limits out of range are refused before anything is written", async () => {
  const before = await db.apiApplication.count();
  for (const name of ["", "   ", "x".repeat(81), "line\nbreak"]) await assert.rejects(createApplication({ db, name }), RangeError, JSON.stringify(name));
  for (const rateLimitPerMinute of [0, -1, 1.5, 1_000_001, Number.NaN]) {
    await assert.rejects(createApplication({ db, name: "Shop", rateLimitPerMinute }), RangeError, String(rateLimitPerMinute));
  }
  assert.equal(await db.apiApplication.count(), before);
});

test("the bearer key authenticates its application, with the scheme in any case", async () => {
  const created = await createApplication({ db, name: "Shop", rateLimitPerMinute: 30 });
  for (const header of [bearer(created.secret), `bearer ${created.secret}`, `BEARER  ${created.secret} `]) {
    const application = await authenticateApplication({ authorization: header });
    assert.deepEqual(application, { id: created.id, clientId: created.clientId, name: "Shop", rateLimitPerMinute: 30 });
  }
});

test("no header is UNAUTHENTICATED; a malformed header or key, an unknown key and a revoked key are INVALID_CREDENTIALS", async () => {
  const created = await createApplication({ db, name: "Shop" });
  for (const authorization of [null, "", "   "]) {
    await assert.rejects(authenticateApplication({ authorization }), refusedWith("UNAUTHENTICATED", /^Bearer realm="api"$/));
  }
  const malformed = [
    `Basic ${Buffer.from(`x:${created.secret}`).toString("base64")}`,
    created.secret,
    `Bearer`,
    `Bearer ${created.secret} extra`,
    `Bearer ${created.secret.slice(0, -1)}`,
    `Bearer ${created.secret}x`,
    `Bearer ${created.clientId}`,
    `Bearer ${"x".repeat(5000)}`,
  ];
  for (const authorization of malformed) {
    await assert.rejects(authenticateApplication({ authorization }), refusedWith("INVALID_CREDENTIALS", /error="invalid_token"/), authorization.slice(0, 40));
  }
  // Well-formed, checksum and all, but never issued.
  await assert.rejects(authenticateApplication({ authorization: bearer(generateApplicationSecret()) }), refusedWith("INVALID_CREDENTIALS", /invalid_token/));

  const revoked = await revokeApplication({ db, clientId: created.clientId });
  assert.equal(revoked.status, "revoked");
  let revokedDetail = "";
  await assert.rejects(authenticateApplication({ authorization: bearer(created.secret) }), (error: unknown) => {
    refusedWith("INVALID_CREDENTIALS", /invalid_token/)(error);
    revokedDetail = (error as ApiProblem).detail;
    return true;
  });
  let unknownDetail = "";
  await assert.rejects(authenticateApplication({ authorization: bearer(generateApplicationSecret()) }), (error: unknown) => {
    unknownDetail = (error as ApiProblem).detail;
    return true;
  });
  assert.equal(revokedDetail, unknownDetail, "a revoked key must read like an unknown one");
});

test("revoking twice writes one audit row; an unknown client id is not found", async () => {
  const created = await createApplication({ db, name: "Twice" });
  const results = await Promise.all([revokeApplication({ db, clientId: created.clientId }), revokeApplication({ db, clientId: created.clientId })]);
  assert.deepEqual(results.map((r) => r.status).sort(), ["already-revoked", "revoked"]);
  assert.equal(await db.auditEvent.count({ where: { applicationId: created.id, action: "application.revoked" } }), 1);
  assert.deepEqual(await revokeApplication({ db, clientId: "app_0000000000000000000000" }), { status: "not-found" });
});

test("lastUsedAt is written on first use and then at most once a minute", async () => {
  const created = await createApplication({ db, name: "Clock" });
  const t0 = new Date("2030-01-01T12:00:00Z");
  const lastUsed = async () => (await db.apiApplication.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt?.getTime();
  await authenticateApplication({ authorization: bearer(created.secret), now: t0 });
  assert.equal(await lastUsed(), t0.getTime());
  await authenticateApplication({ authorization: bearer(created.secret), now: new Date(t0.getTime() + 59_000) });
  assert.equal(await lastUsed(), t0.getTime());
  const later = new Date(t0.getTime() + 60_000);
  await Promise.all(Array.from({ length: 5 }, () => authenticateApplication({ authorization: bearer(created.secret), now: later })));
  assert.equal(await lastUsed(), later.getTime());
});
