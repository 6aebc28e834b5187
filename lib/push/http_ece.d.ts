// http_ece ships no types; the unit tests use only this, to read pushes the way a browser does.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";

  /** RFC 8188 decryption; with `privateKey` and `authSecret`, the Web Push key derivation of RFC 8291. */
  export function decrypt(
    buffer: Buffer,
    params: { version: "aes128gcm"; privateKey: ECDH; authSecret: string | Buffer },
  ): Buffer;
}
