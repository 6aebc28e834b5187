import { test } from "node:test";
import assert from "node:assert/strict";
import { nextDeviceChange, type DeviceChange } from "@/lib/api/devices/next-device-change";
import type { DeviceStatusName } from "@/lib/devices/device-types";
import type { UpdateApiDeviceInput } from "@/lib/validations/api-devices";

type Device = { status: DeviceStatusName; isDefault: boolean; nickname: string };

/** Every change a PATCH makes, in order, as if each one worked (the device updated the way the use-case would). */
function plan(device: Device, input: UpdateApiDeviceInput): DeviceChange["kind"][] {
  const kinds: DeviceChange["kind"][] = [];
  for (let change = nextDeviceChange(device, input); change; change = nextDeviceChange(device, input)) {
    kinds.push(change.kind);
    if (change.kind === "unblock") device = { ...device, status: "ACTIVE" };
    if (change.kind === "make-default") device = { ...device, isDefault: true };
    if (change.kind === "rename") device = { ...device, nickname: change.nickname };
    if (change.kind === "block") device = { ...device, status: "BLOCKED", isDefault: false };
    assert.ok(kinds.length <= 3, "never more than three changes");
  }
  return kinds;
}

const active: Device = { status: "ACTIVE", isDefault: false, nickname: "Phone" };
const blocked: Device = { status: "BLOCKED", isDefault: false, nickname: "Phone" };

test("each field on its own is one change", () => {
  assert.deepEqual(nextDeviceChange(active, { nickname: "Work" }), { kind: "rename", nickname: "Work" });
  assert.deepEqual(plan(active, { default: true }), ["make-default"]);
  assert.deepEqual(plan(active, { status: "BLOCKED" }), ["block"]);
  assert.deepEqual(plan(blocked, { status: "ACTIVE" }), ["unblock"]);
});

test("a field that already has the asked-for value is no change (no second audit row or email; a clone block keeps its reason)", () => {
  assert.deepEqual(plan(active, { nickname: "Phone" }), []);
  assert.deepEqual(plan({ ...active, isDefault: true }, { default: true }), []);
  assert.deepEqual(plan(active, { status: "ACTIVE" }), []);
  assert.deepEqual(plan(blocked, { status: "BLOCKED" }), []);
  assert.deepEqual(plan(blocked, { status: "BLOCKED", nickname: "Phone" }), []);
});

test("unblock comes before default, so a blocked device can become the default in one request", () => {
  assert.deepEqual(plan(blocked, { default: true, status: "ACTIVE", nickname: "Back" }), ["unblock", "make-default", "rename"]);
});

test("default comes before the rename, so a refused default leaves the name as it was", () => {
  assert.deepEqual(nextDeviceChange(blocked, { default: true, nickname: "New" }), { kind: "make-default" });
});

test("block comes last, so the email about it names the device by its new name", () => {
  assert.deepEqual(plan(active, { status: "BLOCKED", nickname: "Lost phone" }), ["rename", "block"]);
});

test("unblocking a device the default rule then makes the default needs no separate default change", () => {
  // The rule gives the badge to the only active device; the planner sees the device as re-read.
  assert.equal(nextDeviceChange({ status: "ACTIVE", isDefault: true, nickname: "Phone" }, { status: "ACTIVE", default: true }), null);
});
