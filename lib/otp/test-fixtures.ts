import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { DeviceType } from "@/lib/generated/prisma/client";

/** Each unit test seeds its own user and devices with unique values, so tests never share state. */
export async function createTestUser() {
  return db.user.create({ data: { email: `otp-${randomUUID()}@test.local` }, select: { id: true, email: true } });
}

export async function createTestDevice(userId: string, type: DeviceType = "SMS", data: { totpSecret?: string } = {}) {
  return db.device.create({
    data: {
      userId,
      type,
      status: "ACTIVE",
      nickname: `${type} device`,
      target: type === "EMAIL" ? `dest-${randomUUID()}@test.local` : type === "TOTP" ? null : uniquePhone(),
      totpSecret: data.totpSecret ?? null,
    },
    select: { id: true, target: true },
  });
}

/** Distinct per test, so the per-destination send limit of one test never touches another's. */
export function uniquePhone() {
  return `+1555${Math.floor(Math.random() * 1e7).toString().padStart(7, "0")}-${randomUUID().slice(0, 8)}`;
}

export const newFlowId = () => `flow-${randomUUID()}`;
