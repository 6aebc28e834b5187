import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseDefaultDevice, type DefaultCandidate } from "@/lib/devices/default-device-rule";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const device = (id: string, day: number, extra: Partial<DefaultCandidate> = {}): DefaultCandidate => ({
  id,
  status: "ACTIVE",
  isDefault: false,
  createdAt: at(day),
  ...extra,
});

test("an active default keeps the badge", () => {
  assert.equal(chooseDefaultDevice([device("a", 1), device("b", 2, { isDefault: true })]), "b");
});

test("without a default the oldest active device becomes default", () => {
  assert.equal(chooseDefaultDevice([device("b", 2), device("a", 1)]), "a");
});

test("a blocked or pending default gives the badge to the oldest active device", () => {
  const devices = [
    device("a", 1, { status: "BLOCKED", isDefault: true }),
    device("b", 3),
    device("c", 2, { status: "ACTIVATION_REQUIRED" }),
    device("d", 4),
  ];
  assert.equal(chooseDefaultDevice(devices), "b");
});

test("no active device, no default", () => {
  assert.equal(chooseDefaultDevice([]), null);
  assert.equal(chooseDefaultDevice([device("a", 1, { status: "BLOCKED", isDefault: true })]), null);
});
