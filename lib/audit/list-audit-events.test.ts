import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";

const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

test("each entry names its device and the browser it came from", async () => {
  const user = await createTestUser();
  const phone = await createTestDevice(user.id, "SMS");
  await db.device.update({ where: { id: phone.id }, data: { nickname: "Work phone" } });
  const stranger = await createTestUser();
  const strangersKey = await createTestDevice(stranger.id, "EMAIL");
  const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000);
  await db.auditEvent.createMany({
    data: [
      // A code sent to a device: named by the device as it is now.
      { userId: user.id, action: "otp.sent", deviceId: phone.id, userAgent: CHROME_WINDOWS, createdAt: at(1) },
      // A removed device: named by what the event recorded when it happened.
      { userId: user.id, action: "device.removed", deviceId: "gone", details: JSON.stringify({ type: "PLATFORM", nickname: "Old laptop" }), createdAt: at(2) },
      // A row naming someone else's device never shows that device's name.
      { userId: user.id, action: "otp.sent", deviceId: strangersKey.id, createdAt: at(3) },
      { userId: user.id, action: "device_key.registered", details: JSON.stringify({ keyId: "k", displayName: "Firefox on Linux" }), createdAt: at(4) },
      { userId: user.id, action: "user.signed_in", details: "not json", userAgent: "curl/8.5.0", ip: "192.0.2.3", createdAt: at(5) },
    ],
  });
  const entries = await listAuditEvents({ userId: user.id });
  assert.deepEqual(
    entries.map(({ label, device, browser, ip }) => ({ label, device, browser, ip })),
    [
      { label: "Signed in", device: null, browser: null, ip: "192.0.2.3" },
      { label: "Browser registered", device: "Browser “Firefox on Linux”", browser: null, ip: null },
      { label: "Verification code sent", device: null, browser: null, ip: null },
      { label: "Device removed", device: "Passkey “Old laptop”", browser: null, ip: null },
      { label: "Verification code sent", device: "Text message “Work phone”", browser: "Chrome on Windows", ip: null },
    ],
  );
  assert.ok(entries.every((e) => e.createdAt instanceof Date && !Number.isNaN(e.createdAt.getTime())));
});
