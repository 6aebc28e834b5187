/**
 * The mobile passcode: TOTP (RFC 6238) over the seed the server gave at pairing, HMAC-SHA-1, 6 digits,
 * a new code every 30 seconds, the parameters every authenticator app uses. Computed with WebCrypto,
 * so it works offline. The server accepts the current step and one either side, each once.
 */
export const PASSCODE_DIGITS = 6;
export const PASSCODE_PERIOD_SECONDS = 30;
export const PASSCODE_ALGORITHM = "SHA1";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32, as seeds are written (upper or lower case, spaces and padding ignored). */
export function base32ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/[\s=]+/g, "").toUpperCase();
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of clean) {
    const v = BASE32.indexOf(c);
    if (v < 0) throw new TypeError("Not base32.");
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** The time step a moment falls in (RFC 6238's T). */
export function passcodeStep(at: number | Date = Date.now()): number {
  return Math.floor(Number(at) / 1000 / PASSCODE_PERIOD_SECONDS);
}

/** Whole seconds until the code changes, 1 to 30: for the countdown. */
export function passcodeSecondsLeft(at: number | Date = Date.now()): number {
  const intoStep = (Number(at) / 1000) % PASSCODE_PERIOD_SECONDS;
  return Math.max(1, Math.ceil(PASSCODE_PERIOD_SECONDS - intoStep));
}

/** The code for the seed (base32) at a moment: six digits, leading zeros kept. */
export async function mobilePasscode(seed: string, at: number | Date = Date.now()): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey("raw", base32ToBytes(seed), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const counter = new Uint8Array(8);
  // The step as a big-endian 64-bit integer; steps stay below 2^32 for millennia, but write all 8 bytes.
  let step = passcodeStep(at);
  for (let i = 7; i >= 0; i--) {
    counter[i] = step & 0xff;
    step = Math.floor(step / 256);
  }
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, counter));
  // RFC 4226 dynamic truncation.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return (binary % 10 ** PASSCODE_DIGITS).toString().padStart(PASSCODE_DIGITS, "0");
}

