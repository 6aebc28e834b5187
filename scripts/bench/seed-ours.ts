/**
 * Seeds the app's bench database (DATABASE_URL, already migrated) for npm run bench:
 *   tsx scripts/bench/seed-ours.ts USERS AUDIT_EVENTS
 * Rows are inserted with better-sqlite3 in one transaction (Prisma's createMany took 18 s for 2,600 users), one argon2id hash (the app's parameters) reused for
 * every user. Each user: MFA on, email confirmed, 5 active devices: SMS (default), EMAIL, TOTP (key
 * of scripts/bench/shared.ts), a passkey (PLATFORM) and a security key. AUDIT_EVENTS audit rows are
 * spread over the users, shaped like the app's own (an action, a device, JSON details).
 */
import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import { databasePath } from "../../lib/database/database-url";
import { PASSWORD, emailOf, totpBase32Of } from "./shared";

const users = Number(process.argv[2] ?? 2600);
const auditEvents = Number(process.argv[3] ?? 0);
const db = new Database(databasePath());
db.pragma("journal_mode = WAL");
const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
// Prisma's SQLite adapter writes DateTime as ISO 8601 text with an explicit offset.
const iso = (t: number) => new Date(t).toISOString().replace("Z", "+00:00");
const now = iso(Date.now());

function inserter(table: string, columns: string[]) {
  const stmt = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map((c) => `@${c}`).join(",")})`);
  return (row: Record<string, unknown>) => stmt.run(row);
}
const insertUser = inserter("User", ["id", "email", "name", "passwordHash", "mfaEnabled", "role", "failedMfaAttempts", "createdAt", "updatedAt", "emailVerifiedAt"]);
const deviceColumns = ["id", "userId", "type", "status", "nickname", "isDefault", "target", "totpSecret", "credentialId", "credentialPublicKey", "signCount", "transports", "backupEligible", "backedUp", "userVerified", "failedAttempts", "createdAt", "updatedAt"];
const insertDevice = inserter("Device", deviceColumns);
const insertAudit = inserter("AuditEvent", ["id", "userId", "actorId", "action", "deviceId", "details", "ip", "userAgent", "createdAt"]);
const device = (d: Record<string, unknown>) => ({
  ...Object.fromEntries(deviceColumns.map((c) => [c, null])),
  status: "ACTIVE", isDefault: 0, signCount: 0, backupEligible: 0, backedUp: 0, userVerified: 0, failedAttempts: 0, createdAt: now, updatedAt: now,
  ...d,
});
const phoneOf = (i: number) => `+1202555${String(i % 10000).padStart(4, "0")}`;

db.transaction(() => {
  for (let i = 0; i < users; i++) {
    const userId = `benchuser${i}`;
    insertUser({ id: userId, email: emailOf(i), name: `Bench User ${i}`, passwordHash, mfaEnabled: 1, role: "USER", failedMfaAttempts: 0, createdAt: now, updatedAt: now, emailVerifiedAt: now });
    insertDevice(device({ id: `bd${i}sms`, userId, type: "SMS", nickname: "My phone", target: phoneOf(i), isDefault: 1 }));
    insertDevice(device({ id: `bd${i}email`, userId, type: "EMAIL", nickname: "Personal email", target: emailOf(i) }));
    insertDevice(device({ id: `bd${i}totp`, userId, type: "TOTP", nickname: "Authenticator app", totpSecret: totpBase32Of(i) }));
    insertDevice(device({ id: `bd${i}passkey`, userId, type: "PLATFORM", nickname: "Laptop passkey", credentialId: `cred-${i}-0`, credentialPublicKey: Buffer.alloc(77, 1), userVerified: 1, backupEligible: 1, backedUp: 1, transports: "internal,hybrid" }));
    insertDevice(device({ id: `bd${i}key`, userId, type: "SECURITY_KEY", nickname: "Security key", credentialId: `cred-${i}-1`, credentialPublicKey: Buffer.alloc(77, 2), transports: "usb" }));
  }
  const actions = ["user.signed_in", "otp.sent", "otp.verified", "device.renamed", "user.signed_out"];
  const t0 = Date.now() - auditEvents * 1000;
  for (let e = 0; e < auditEvents; e++) {
    const i = e % users;
    insertAudit({
      id: `benchaudit${e}`, userId: `benchuser${i}`, actorId: `benchuser${i}`, action: actions[e % actions.length], deviceId: `bd${i}sms`,
      details: JSON.stringify({ method: "sms", to: phoneOf(i) }), ip: "127.0.0.1", userAgent: "bench-seed", createdAt: iso(t0 + e * 1000),
    });
  }
})();
db.pragma("wal_checkpoint(TRUNCATE)");
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
console.log(JSON.stringify({ users: count("User"), devices: count("Device"), auditEvents: count("AuditEvent") }));
db.close();
