// Seeds the peer for npm run bench (run from the peer's folder: node seed.mjs USERS).
// Creates the tables with better-auth's own migrator, then makes one template user through
// better-auth's adapter (so every column is written the way better-auth writes it) and clones it by
// plain INSERTs: one precomputed password hash, a TOTP secret per user (encrypted with the auth
// secret, as the twoFactor plugin stores it) and 4 passkeys per user.
// User i: email user<i>@bench.test, TOTP key = the ASCII of totpSecretOf(i) (better-auth's own enable
// generates a 32-character string and uses its bytes as the HMAC key).
import { createHash, randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { hashPassword, symmetricEncrypt } from "better-auth/crypto";
import { getMigrations } from "better-auth/db/migration";
import { authOptions } from "./lib/auth-options.mjs";

export const PASSWORD = "correct-horse-battery";
export const totpSecretOf = (i) => createHash("sha256").update(`bench-totp-${i}`).digest("hex").slice(0, 32);

const users = Number(process.argv[2] ?? 2600);
const options = authOptions();
const db = options.database;
const auth = betterAuth(options);
const ctx = await auth.$context;
await (await getMigrations(options)).runMigrations();

const passwordHash = await hashPassword(PASSWORD);
const template = await ctx.internalAdapter.createUser({ email: "template@bench.test", name: "Template", emailVerified: true, twoFactorEnabled: true });
await ctx.internalAdapter.linkAccount({ userId: template.id, providerId: "credential", accountId: template.id, password: passwordHash });
await ctx.adapter.create({ model: "twoFactor", data: { userId: template.id, secret: "x", backupCodes: "x", verified: true } });
await ctx.adapter.create({
  model: "passkey",
  data: { userId: template.id, name: "Passkey", publicKey: "x", credentialID: "x", counter: 0, deviceType: "multiDevice", backedUp: true, transports: "internal,hybrid", createdAt: new Date() },
});

const cols = (table) => db.prepare(`PRAGMA table_info("${table}")`).all().map((c) => c.name);
const rowOf = (table, where, value) => db.prepare(`SELECT * FROM "${table}" WHERE "${where}" = ?`).get(value);
const insert = (table) => {
  const names = cols(table);
  const stmt = db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(",")}) VALUES (${names.map(() => "?").join(",")})`);
  return (row) => stmt.run(names.map((n) => row[n]));
};
const t = { user: rowOf("user", "id", template.id), account: rowOf("account", "userId", template.id), twoFactor: rowOf("twoFactor", "userId", template.id), passkey: rowOf("passkey", "userId", template.id) };
const ins = { user: insert("user"), account: insert("account"), twoFactor: insert("twoFactor"), passkey: insert("passkey") };
for (const table of ["passkey", "twoFactor", "account", "user"]) db.prepare(`DELETE FROM "${table}" WHERE "${table === "user" ? "id" : "userId"}" = ?`).run(template.id);

const secrets = [];
for (let i = 0; i < users; i++) secrets.push(await symmetricEncrypt({ key: ctx.secretConfig ?? options.secret, data: totpSecretOf(i) }));
const backupCodes = await symmetricEncrypt({ key: ctx.secretConfig ?? options.secret, data: JSON.stringify(Array.from({ length: 10 }, (_, k) => `code-${k}`)) });
const kinds = ["Phone passkey", "Laptop passkey", "Security key", "Tablet passkey"];
db.transaction(() => {
  for (let i = 0; i < users; i++) {
    const id = randomUUID();
    ins.user({ ...t.user, id, email: `user${i}@bench.test`, name: `Bench User ${i}` });
    ins.account({ ...t.account, id: randomUUID(), userId: id, accountId: id });
    ins.twoFactor({ ...t.twoFactor, id: randomUUID(), userId: id, secret: secrets[i], backupCodes });
    for (const [k, name] of kinds.entries()) {
      ins.passkey({ ...t.passkey, id: randomUUID(), userId: id, name, credentialID: `cred-${i}-${k}`, publicKey: createHash("sha256").update(`pk-${i}-${k}`).digest("base64url") });
    }
  }
})();
db.pragma("wal_checkpoint(TRUNCATE)");
console.log(JSON.stringify({ users, tables: { user: db.prepare('SELECT COUNT(*) n FROM "user"').get().n, passkey: db.prepare('SELECT COUNT(*) n FROM "passkey"').get().n } }));
db.close();
