import { createECDH, webcrypto } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";

/**
 * For tests: a local stand-in for a browser's push service. Every POST is kept and answered with the
 * status the test sets; our sender, web-push and http_ece around it are all real.
 */
export type ReceivedPush = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };

export async function startTestPushService() {
  const received: ReceivedPush[] = [];
  const state = { answer: 201 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(state.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** The status the next pushes are answered with (201 accepted, 404/410 gone, 5xx down). */
    answerWith(status: number) {
      state.answer = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a browser makes in PushManager.subscribe(): an ECDH P-256 key pair and a 16-byte auth secret. */
export async function browserSubscription(endpoint: string) {
  const pair = (await webcrypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as webcrypto.CryptoKeyPair;
  const p256dh = Buffer.from(await webcrypto.subtle.exportKey("raw", pair.publicKey)).toString("base64url");
  const jwk = await webcrypto.subtle.exportKey("jwk", pair.privateKey);
  const privateKey = createECDH("prime256v1");
  privateKey.setPrivateKey(Buffer.from(jwk.d ?? "", "base64url"));
  const auth = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString("base64url");
  return {
    json: { endpoint, expirationTime: null, keys: { p256dh, auth } },
    privateKey,
    auth,
    /** The push body as this browser decrypts it (RFC 8291, aes128gcm); throws for another's push. */
    read: (body: Buffer) => decrypt(body, { version: "aes128gcm", privateKey, authSecret: auth }).toString("utf8"),
  };
}
