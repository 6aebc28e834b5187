import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBrowserHint, parseBrowserHint } from "@/lib/flows/browser-hint";

test("the browser hint cookie round-trips, and anything else in it is ignored", () => {
  for (const hint of [
    { webauthn: true, platformAuthenticator: true },
    { webauthn: true, platformAuthenticator: false },
    { webauthn: false, platformAuthenticator: false },
  ]) {
    assert.deepEqual(parseBrowserHint(formatBrowserHint(hint)), hint);
  }
  for (const junk of [undefined, "", "w1", "w2p0", "w1p0;x", "true", "w1p0 "]) assert.equal(parseBrowserHint(junk), undefined);
});
