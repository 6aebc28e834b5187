import "server-only";
import { db } from "@/lib/db";
import { auditLabel } from "@/lib/audit/audit-labels";
import { deviceTypeLabel, DEVICE_TYPES, type DeviceTypeName } from "@/lib/devices/device-types";
import { describeBrowser } from "@/lib/http/user-agent";

/** One row of the account's recent activity, as the person reads it. */
export type ActivityEntry = {
  id: string;
  action: string;
  label: string;
  createdAt: Date;
  ip: string | null;
  /** 'Passkey "Work laptop"': the device the event was about, when it was about one. */
  device: string | null;
  /** "Chrome on Windows": the browser the event came from, when its user agent says. */
  browser: string | null;
};

type Row = {
  id: string;
  action: string;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
  details: string | null;
  deviceType: string | null;
  deviceNickname: string | null;
};

/**
 * The user's own recent security activity, newest first, naming the device and the browser of each
 * event. One statement: the rows with their device's current name joined (by id AND the same user).
 * A device's own events recorded its type and nickname in their details when they happened, and those
 * win: a removed device is still named, and a renamed one by the name it had then.
 */
export async function listAuditEvents(options: { userId: string; take?: number }): Promise<ActivityEntry[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id", a."action", a."createdAt", a."ip", a."userAgent", a."details",
           d."type" AS "deviceType", d."nickname" AS "deviceNickname"
    FROM "AuditEvent" a LEFT JOIN "Device" d ON d."id" = a."deviceId" AND d."userId" = a."userId"
    WHERE a."userId" = ${options.userId}
    ORDER BY a."createdAt" DESC, a."id" DESC
    LIMIT ${options.take ?? 10}`;
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    label: auditLabel(row.action),
    createdAt: new Date(row.createdAt),
    ip: row.ip,
    device: deviceNamed(row),
    browser: describeBrowser(row.userAgent),
  }));
}

function deviceNamed(row: Row): string | null {
  const details = parseDetails(row.details);
  const type = isDeviceType(details.type) ? details.type : isDeviceType(row.deviceType) ? row.deviceType : null;
  const nickname = typeof details.nickname === "string" ? details.nickname : row.deviceNickname;
  if (type && nickname) return `${deviceTypeLabel[type]} “${nickname}”`;
  if (type) return deviceTypeLabel[type];
  // A registered browser's events name it by its display name.
  if (typeof details.displayName === "string") return `Browser “${details.displayName}”`;
  return null;
}

function isDeviceType(value: unknown): value is DeviceTypeName {
  return typeof value === "string" && (DEVICE_TYPES as readonly string[]).includes(value);
}

function parseDetails(details: string | null): Record<string, unknown> {
  if (!details) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
