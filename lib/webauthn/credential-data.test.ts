import { test } from "node:test";
import assert from "node:assert/strict";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { isExpectedFrame, parseTransports, readClientData, serializeTransports, userHandleFor, userHandleMatches } from "@/lib/webauthn/credential-data";

test("the user handle is the user id's UTF-8 bytes and maps back to it", () => {
  const handle = isoBase64URL.fromBuffer(userHandleFor("cm123abc"));
  assert.equal(isoBase64URL.toUTF8String(handle), "cm123abc");
  assert.equal(userHandleMatches(handle, "cm123abc"), true);
  assert.equal(userHandleMatches(handle, "cm123abd"), false);
  assert.equal(userHandleMatches("not base64url!", "cm123abc"), false);
});

test("transports are kept as a comma list of known values only", () => {
  assert.equal(serializeTransports(["internal", "hybrid", "internal", "bogus"]), "internal,hybrid");
  assert.equal(serializeTransports([]), null);
  assert.equal(serializeTransports(undefined), null);
  assert.deepEqual(parseTransports("usb,nfc"), ["usb", "nfc"]);
  assert.equal(parseTransports(null), undefined);
  assert.equal(parseTransports(""), undefined);
});

test("client data is read only when it is base64url JSON with a challenge", () => {
  const encode = (v: unknown) => isoBase64URL.fromUTF8String(JSON.stringify(v));
  assert.equal(readClientData(encode({ type: "webauthn.get", challenge: "abc", origin: "x" }))?.challenge, "abc");
  assert.equal(readClientData(encode({ type: "webauthn.get", origin: "x" })), null);
  assert.equal(readClientData(encode({ challenge: "" })), null);
  assert.equal(readClientData(encode("just a string")), null);
  assert.equal(readClientData(isoBase64URL.fromUTF8String("{not json")), null);
  assert.equal(readClientData(undefined), null);
  assert.equal(readClientData(42), null);
});

test("a ceremony is expected top-level, or framed only by an allowed host page", () => {
  const hosts = ["https://shop.example.com"];
  assert.equal(isExpectedFrame({}, []), true);
  assert.equal(isExpectedFrame({ crossOrigin: false }, []), true);
  assert.equal(isExpectedFrame({ crossOrigin: true }, []), false, "crossOrigin is refused outside an embedded flow");
  assert.equal(isExpectedFrame({ crossOrigin: true, topOrigin: "https://shop.example.com" }, []), false);
  assert.equal(isExpectedFrame({ crossOrigin: true, topOrigin: "https://shop.example.com" }, hosts), true);
  assert.equal(isExpectedFrame({ crossOrigin: true, topOrigin: "https://evil.example" }, hosts), false);
  assert.equal(isExpectedFrame({ crossOrigin: true }, hosts), false, "the framing page must be named");
  assert.equal(isExpectedFrame({ crossOrigin: false, topOrigin: "https://shop.example.com" }, hosts), false);
  assert.equal(isExpectedFrame({ crossOrigin: "true" as unknown as boolean }, hosts), false);
});
