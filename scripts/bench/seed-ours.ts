/**
 * Seeds the app's bench database (DATABASE_URL, already migrated) for npm run bench:
 *   tsx scripts/bench/seed-ours.ts USERS AUDIT_EVENTS
 * On SQLite (file:) or PostgreSQL (postgresql://), the same rows: the bench compares the two databases
 * on the same data. Rows are written directly, in one transaction (Prisma's createMany took 18 s for
 * 2,600 users on SQLite): better-sqlite3 prepared statements, or `pg` multi-row INSERTs of up to 1,000
 * rows. One argon2id hash (the app's parameters) is reused for every user. Each user: MFA on, email
 * confirmed, 5 active devices: SMS (default), EMAIL, TOTP (key of scripts/bench/shared.ts), a passkey
 * (PLATFORM) and a security key. AUDIT_EVENTS audit rows are spread over the users, shaped like the
 * app's own (an action, a device, JSON details).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { databaseKind, databasePath, databaseUrl } from "../../lib/database/database-url";
import { PASSWORD, emailOf, totpBase32Of } from "./shared";

const users = Number(process.argv[2] ?? 2600);
const auditEvents = Number(process.argv[3] ?? 0);
const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });

/** A column's value before either database's encoding: booleans, dates and bytes as JavaScript has them. */
type Value = string | number | boolean | Date | Buffer | null;
type Table = { name: string; columns: string[]; rows: Value[][] };

const userColumns = ["id", "email", "name", "passwordHash", "mfaEnabled", "role", "failedMfaAttempts", "createdAt", "updatedAt", "emailVerifiedAt"];
const deviceColumns = ["id", "userId", "type", "status", "nickname", "isDefault", "target", "totpSecret", "credentialId", "credentialPublicKey", "signCount", "transports", "backupEligible", "backedUp", "userVerified", "failedAttempts", "createdAt", "updatedAt"];
const auditColumns = ["id", "userId", "actorId", "action", "deviceId", "details", "ip", "userAgent", "createdAt"];
const tables: Table[] = [
  { name: "User", columns: userColumns, rows: [] },
  { name: "Device", columns: deviceColumns, rows: [] },
  { name: "AuditEvent", columns: auditColumns, rows: [] },
];
const row = (columns: string[], values: Record<string, Value>) => columns.map((c) => values[c] ?? null);
const [userTable, deviceTable, auditTable] = tables as [Table, Table, Table];

const now = new Date();
const device = (d: Record<string, Value>) =>
  row(deviceColumns, { status: "ACTIVE", isDefault: false, signCount: 0, backupEligible: false, backedUp: false, userVerified: false, failedAttempts: 0, createdAt: now, updatedAt: now, ...d });
const phoneOf = (i: number) => `+1202555${String(i % 10000).padStart(4, "0")}`;

for (let i = 0; i < users; i++) {
  const userId = `benchuser${i}`;
  userTable.rows.push(row(userColumns, { id: userId, email: emailOf(i), name: `Bench User ${i}`, passwordHash, mfaEnabled: true, role: "USER", failedMfaAttempts: 0, createdAt: now, updatedAt: now, emailVerifiedAt: now }));
  deviceTable.rows.push(
    device({ id: `bd${i}sms`, userId, type: "SMS", nickname: "My phone", target: phoneOf(i), isDefault: true }),
    device({ id: `bd${i}email`, userId, type: "EMAIL", nickname: "Personal email", target: emailOf(i) }),
    device({ id: `bd${i}totp`, userId, type: "TOTP", nickname: "Authenticator app", totpSecret: totpBase32Of(i) }),
    device({ id: `bd${i}passkey`, userId, type: "PLATFORM", nickname: "Laptop passkey", credentialId: `cred-${i}-0`, credentialPublicKey: Buffer.alloc(77, 1), userVerified: true, backupEligible: true, backedUp: true, transports: "internal,hybrid" }),
    device({ id: `bd${i}key`, userId, type: "SECURITY_KEY", nickname: "Security key", credentialId: `cred-${i}-1`, credentialPublicKey: Buffer.alloc(77, 2), transports: "usb" }),
  );
}
const actions = ["user.signed_in", "otp.sent", "otp.verified", "device.renamed", "user.signed_out"];
const t0 = Date.now() - auditEvents * 1000;
for (let e = 0; e < auditEvents; e++) {
  const i = e % users;
  auditTable.rows.push(
    row(auditColumns, {
      id: `benchaudit${e}`, userId: `benchuser${i}`, actorId: `benchuser${i}`, action: actions[e % actions.length]!, deviceId: `bd${i}sms`,
      details: JSON.stringify({ method: "sms", to: phoneOf(i) }), ip: "127.0.0.1", userAgent: "bench-seed", createdAt: new Date(t0 + e * 1000),
    }),
  );
}

const quoted = (names: string[]) => names.map((c) => `"${c}"`).join(",");

function seedSqlite(): Record<string, number> {
  const db = new Database(databasePath());
  db.pragma("journal_mode = WAL");
  // What Prisma's SQLite adapter writes: booleans as 0/1, DateTime as ISO 8601 text with an explicit offset.
  const encode = (v: Value) => (typeof v === "boolean" ? (v ? 1 : 0) : v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v);
  db.transaction(() => {
    for (const t of tables) {
      const stmt = db.prepare(`INSERT INTO "${t.name}" (${quoted(t.columns)}) VALUES (${t.columns.map(() => "?").join(",")})`);
      for (const r of t.rows) stmt.run(r.map(encode));
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  const counts = Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
  db.close();
  return counts;
}

async function seedPostgresql(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  // TIMESTAMP(3) columns hold UTC wall-clock time (Prisma's adapter reads them so); PostgreSQL ignores
  // an offset in a literal for such a column, so a UTC ISO string is stored as it reads.
  const encode = (v: Value) => (v instanceof Date ? v.toISOString() : v);
  try {
    await client.query("BEGIN");
    for (const t of tables) {
      const batch = Math.min(1000, Math.floor(60_000 / t.columns.length)); // under 65,535 parameters
      for (let start = 0; start < t.rows.length; start += batch) {
        const rows = t.rows.slice(start, start + batch);
        const values = rows.map((_, r) => `(${t.columns.map((_c, c) => `$${r * t.columns.length + c + 1}`).join(",")})`).join(",");
        await client.query(`INSERT INTO "${t.name}" (${quoted(t.columns)}) VALUES ${values}`, rows.flat().map(encode));
      }
    }
    await client.query("COMMIT");
    // Fresh statistics, as a database that has been running a while would have.
    for (const t of tables) await client.query(`ANALYZE "${t.name}"`);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t.name] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${t.name}"`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

const counts = databaseKind() === "postgresql" ? await seedPostgresql() : seedSqlite();
console.log(JSON.stringify({ users: counts.User, devices: counts.Device, auditEvents: counts.AuditEvent }));
