// The peer's better-auth configuration, shared by the app (lib/auth.ts) and the bench's seed script
// (seed.mjs), so both see the same tables. What a Next.js developer would write from the docs:
// email and password, the twoFactor plugin (TOTP) and the passkey plugin, on better-sqlite3.
import Database from "better-sqlite3";
import { twoFactor } from "better-auth/plugins";
import { passkey } from "@better-auth/passkey";

const origin = process.env.BETTER_AUTH_URL ?? "http://localhost:3000";

export function authOptions() {
  const database = new Database(process.env.PEER_DB ?? "peer.db");
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  return {
    appName: "Peer",
    baseURL: origin,
    secret: process.env.BETTER_AUTH_SECRET ?? "peer-bench-secret-0123456789abcdef0123456789",
    database,
    emailAndPassword: { enabled: true, requireEmailVerification: true },
    // Same lifetime as the app's (60 minutes absolute); no cookie cache: every request reads the
    // session row, as the app does (a session can be revoked at once).
    session: { expiresIn: 60 * 60, updateAge: 30 * 60 },
    // better-auth's own limiter (in memory) would stop a load test from one address after a few
    // sign-ins; the bench turns it off, as it raises the app's per-address limits.
    rateLimit: { enabled: process.env.PEER_RATE_LIMIT !== "off" },
    plugins: [
      twoFactor({ issuer: "Peer" }),
      passkey({ rpID: new URL(origin).hostname, rpName: "Peer", origin }),
    ],
    telemetry: { enabled: false },
  };
}
