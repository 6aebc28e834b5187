import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { auditLabel } from "@/lib/audit/audit-labels";
import { deviceStatusLabel, deviceTypeLabel, type DeviceStatusName, type DeviceTypeName } from "@/lib/devices/device-types";
import { maskTarget } from "@/lib/devices/mask-target";
import { describeBrowser } from "@/lib/http/user-agent";

/** A device as the admin page shows it: what and whose it is, never its secret, key or whole target. */
export type AdminDeviceView = {
  id: string;
  type: DeviceTypeName;
  typeLabel: string;
  nickname: string;
  maskedTarget: string | null;
  status: DeviceStatusName;
  statusLabel: string;
  isDefault: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** While in the future: locked (wrong codes, or an administrator) until then. */
  lockedUntil: Date | null;
  failedAttempts: number;
  blockedReason: string | null;
};

export type AdminDeviceKeyView = {
  id: string;
  displayName: string;
  status: "ACTIVE" | "BLOCKED";
  createdAt: Date;
  lastSeenAt: Date;
  lastSeenIp: string | null;
  rememberedUntil: Date | null;
  /** Registered over the flow API by an application, rather than by the portal. */
  throughApplication: boolean;
};

export type AdminSessionView = {
  id: string;
  /** "Chrome on Windows", or null when the user agent names nothing we know. */
  browser: string | null;
  ip: string | null;
  signedInAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
};

/** Who acted: the user, a staff member (another account), an API application, or nobody known (a failed sign-in). */
export type AuditActor = "user" | "staff" | "application" | "unknown";
export type AdminAuditView = { id: string; action: string; label: string; createdAt: Date; ip: string | null; by: AuditActor; deviceId: string | null };

export type UserOverview = {
  profile: { id: string; email: string; name: string | null; username: string | null; phone: string | null; role: string; emailVerifiedAt: Date | null; createdAt: Date; lastSignInAt: Date | null };
  mfaEnabled: boolean;
  devices: AdminDeviceView[];
  deviceKeys: AdminDeviceKeyView[];
  sessions: AdminSessionView[];
  events: AdminAuditView[];
};

export const RECENT_EVENTS = 20;

/**
 * Everything the admin page of one user shows, or null when there is no such user. Only named columns
 * are read, so no TOTP secret, public key, password hash or push subscription ever leaves the database
 * for this page. Sessions: the live ones (not revoked, not past their absolute lifetime), complete
 * sign-ins and pending ones alike (the idle timeout counted as lib/auth/sessions.ts does), newest activity first.
 */
export async function getUserOverview(userId: string, now = new Date()): Promise<UserOverview | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      username: true,
      phone: true,
      role: true,
      emailVerifiedAt: true,
      createdAt: true,
      lastSignInAt: true,
      mfaEnabled: true,
    },
  });
  if (!user) return null;
  const [devices, keys, sessions, events] = await Promise.all([
    db.device.findMany({
      where: { userId },
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        type: true,
        nickname: true,
        target: true,
        status: true,
        isDefault: true,
        createdAt: true,
        lastUsedAt: true,
        lockedUntil: true,
        failedAttempts: true,
        blockedReason: true,
      },
    }),
    db.deviceKey.findMany({
      where: { userId },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      select: { id: true, displayName: true, status: true, createdAt: true, lastSeenAt: true, lastSeenIp: true, rememberedUntil: true, applicationId: true },
    }),
    db.session.findMany({
      // Live as findLiveSession counts it: not revoked, within the absolute lifetime and the idle timeout.
      where: { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - config().session.idleMinutes * 60_000) } },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    }),
    db.auditEvent.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_EVENTS,
      select: { id: true, action: true, createdAt: true, ip: true, actorId: true, applicationId: true, deviceId: true },
    }),
  ]);
  const { mfaEnabled, ...profile } = user;
  return {
    profile,
    mfaEnabled,
    devices: devices.map(({ target, ...d }) => ({
      ...d,
      typeLabel: deviceTypeLabel[d.type],
      statusLabel: deviceStatusLabel[d.status],
      maskedTarget: maskTarget(d.type, target),
      lockedUntil: d.lockedUntil && d.lockedUntil > now ? d.lockedUntil : null,
    })),
    deviceKeys: keys.map(({ applicationId, ...k }) => ({
      ...k,
      status: k.status === "BLOCKED" ? ("BLOCKED" as const) : ("ACTIVE" as const),
      rememberedUntil: k.rememberedUntil && k.rememberedUntil > now ? k.rememberedUntil : null,
      throughApplication: applicationId !== null,
    })),
    sessions: sessions.map((s) => ({ id: s.id, browser: describeBrowser(s.userAgent), ip: s.ip, signedInAt: s.createdAt, lastActiveAt: s.lastSeenAt, expiresAt: s.expiresAt })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      label: auditLabel(e.action),
      createdAt: e.createdAt,
      ip: e.ip,
      by: e.actorId === userId ? "user" : e.actorId !== null ? "staff" : e.applicationId !== null ? "application" : "unknown",
      deviceId: e.deviceId,
    })),
  };
}
