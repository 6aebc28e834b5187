import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id (the library's default algorithm) at OWASP's recommended minimum: 19 MiB, 2 passes,
// 1 lane. Memory-hard, so guessing costs an attacker memory as well as time.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// A hash of nothing in particular, verified when the account does not exist so that "no such user"
// takes as long as "wrong password" (security.md item 24).
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hash("decoy-password-for-timing", options);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
