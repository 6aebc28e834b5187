import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { databasePath, databaseUrl } from "@/lib/database/database-url";
import { appTables, captureSql, fullScans, isPlannable, queryPlan } from "@/lib/database/query-plan";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";
import { findSignInFlow, type Caller } from "@/lib/flows/flow-executions";
import { countActiveDevices, listDevices } from "@/lib/devices/list-devices";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { issuePasscode } from "@/lib/otp/issue-passcode";
import { verifyPasscode } from "@/lib/otp/verify-passcode";
import { hitFixedWindow } from "@/lib/rate-limit/fixed-window";
import { claimAttempt } from "@/lib/rate-limit/progressive-delay";
import { consumeChallenge, storeChallenge } from "@/lib/webauthn/challenges";
import { listOutbox } from "@/lib/notify/outbox";
import { createTestDevice, createTestUser, newFlowId } from "@/lib/otp/test-fixtures";
import { createApplication } from "@/lib/applications/create-application";
import { authenticateApplication } from "@/lib/applications/authenticate-application";
import { limitApplicationRequests } from "@/lib/rate-limit/limits";
import { createUser } from "@/lib/api/users/create-user";
import { getUser } from "@/lib/api/users/get-user";
import { findUserByExternalId } from "@/lib/api/users/find-user-by-external-id";

/**
 * Issue 8: an index for every query on a request path. Runs the reads and writes that sign-in, the
 * second factor, passcodes, rate limits, WebAuthn challenges, flows, sessions, devices, audit and the
 * dev outbox send, and checks SQLite's plan for each statement: none may read a whole table. (For the
 * whole app, run scripts/explain-queries.ts on a query log of the unit or e2e tests.)
 */
test("no statement on a request path scans a whole table", async () => {
  const user = await createTestUser();
  await db.user.update({ where: { id: user.id }, data: { mfaEnabled: true } });
  const device = await createTestDevice(user.id, "SMS");
  const session = await createSession({ userId: user.id, methods: ["pwd", "otp"], meta: {} });
  const caller: Caller = { meta: {}, session: { id: session.id, familyId: session.familyId } };
  const flowExecutionId = newFlowId();
  const application = await createApplication({ db, name: "Plans" });

  const { statements } = await captureSql(async () => {
    await authenticateWithPassword({ email: user.email, password: "not-the-password", meta: { ip: "192.0.2.1" } });
    await findLiveSession(session.id);
    await requiresSecondFactor(user.id);
    await openFlowForDoor({ kind: "device-management", userId: user.id, door: "portal", input: {}, caller });
    await openFlowForDoor({ kind: "device-management", userId: user.id, door: "portal", input: {}, caller });
    await findSignInFlow({ userId: user.id, caller });
    await listDevices({ userId: user.id });
    await countActiveDevices({ userId: user.id });
    await listAuditEvents({ userId: user.id });
    const issued = await issuePasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", destination: device.target! });
    await verifyPasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", code: issued.code === "000000" ? "111111" : "000000" });
    await verifyPasscode({ userId: user.id, deviceId: device.id, flowExecutionId, purpose: "sign-in", code: issued.code });
    await hitFixedWindow({ key: `plan-test:${randomUUID()}`, limit: 5, windowSeconds: 60 });
    await claimAttempt({ key: `plan-test:${randomUUID()}`, policy: { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 10 } });
    const challenge = randomUUID();
    await storeChallenge({ userId: user.id, flowExecutionId, ceremony: "authentication", challenge });
    await consumeChallenge({ userId: user.id, flowExecutionId, ceremony: "authentication", challenge });
    // The flow API: every request authenticates and counts; the users resource.
    const apiCaller = await authenticateApplication({ authorization: `Bearer ${application.secret}` });
    await limitApplicationRequests({ applicationId: apiCaller.id, limitPerMinute: apiCaller.rateLimitPerMinute });
    const apiUser = await createUser({ application: apiCaller, input: { email: `plans-${randomUUID()}@test.local`, username: `plans-${randomUUID()}`, externalId: "plans-1" }, meta: {} });
    await getUser({ application: apiCaller, userId: apiUser.id });
    await findUserByExternalId({ application: apiCaller, externalId: "plans-1" });
    await listOutbox({ to: device.target! });
    await listOutbox({});
    // Removing a device cascades to its passcodes: SQLite looks them up by the foreign key.
    await db.device.delete({ where: { id: device.id } });
  });

  const connection = new Database(databasePath(databaseUrl()), { readonly: true });
  try {
    const tables = appTables(connection);
    const checked = [...new Set(statements.filter(isPlannable))];
    assert.ok(checked.length >= 20, `expected the request paths' statements, got ${checked.length}`);
    const scanning = checked.map((sql) => ({ sql, scans: fullScans(queryPlan(connection, sql), tables, sql) })).filter((s) => s.scans.length > 0);
    assert.deepEqual(scanning, []);
    // The cascade: deleting a device must find its passcodes through an index.
    const cascade = connection.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM "Passcode" WHERE "deviceId" = ?`).all(null) as { detail: string }[];
    assert.match(cascade.map((r) => r.detail).join("\n"), /USING (COVERING )?INDEX Passcode_deviceId_idx/);
  } finally {
    connection.close();
  }
});
