import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { requiresSecondFactor } from "@/lib/auth/second-factor-policy";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { mayEmbedWidget } from "@/lib/widget/widget-origins";
import type { WidgetFlow } from "@/lib/widget/widget-params";

/**
 * Widget tokens: how a host page on another site opens the widget for its signed-in user without any
 * portal cookie (a SameSite=Lax cookie is never sent to a cross-site iframe, and browsers that block
 * third-party cookies drop any other). The host's SERVER asks for one with its application key
 * (POST /api/v1/widget-tokens); its page hands it to widget.js, which passes it to the iframe by
 * postMessage (never in a URL, where proxies and browser history would keep it); the iframe spends it
 * once for a widget session (./widget-session.ts) that the flow then belongs to.
 */

/** Long enough for a page to load and open the widget, short enough that a leaked one is soon worthless. */
export const WIDGET_TOKEN_MINUTES = 3;

/** A widget session lasts as long as the flow it runs (device management's 30 minutes) at most. */
export const WIDGET_SESSION_MINUTES = 30;

/** A prefix, as API keys have, so secret scanners and people can tell what leaked. */
const PREFIX = "mfa_wt_";
const TOKEN_PATTERN = /^mfa_wt_[A-Za-z0-9_-]{43}$/;

export type IssuedWidgetToken = { token: string; expiresAt: Date; userId: string; flow: WidgetFlow; origin: string };

/**
 * Issues a token for one of this application's users (it reaches only those it provisioned, as every
 * API resource does), one flow and one host origin, which must be allowed to embed the widget.
 */
export async function issueWidgetToken(options: {
  application: { id: string };
  user: { userId: string } | { externalId: string };
  flow: WidgetFlow;
  origin: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<IssuedWidgetToken> {
  const link = await db.apiApplicationUser.findUnique({
    where:
      "userId" in options.user
        ? { applicationId_userId: { applicationId: options.application.id, userId: options.user.userId } }
        : { applicationId_externalId: { applicationId: options.application.id, externalId: options.user.externalId } },
    select: { userId: true },
  });
  if (!link) throw new AppError("NOT_FOUND", "User not found.");
  if (!(await mayEmbedWidget(options.origin))) {
    throw new AppError("VALIDATION", "This origin may not embed the widget. An administrator adds it under Widget origins.", {
      origin: ["Not one of the widget origins."],
    });
  }
  const token = `${PREFIX}${randomToken()}`;
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + WIDGET_TOKEN_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.widgetToken.create({
      data: { tokenHash: hashToken(token), applicationId: options.application.id, userId: link.userId, flow: options.flow, origin: options.origin, expiresAt, createdAt: now },
    });
    await recordAuditEvent(tx, {
      action: "widget.token_issued",
      userId: link.userId,
      applicationId: options.application.id,
      details: { flow: options.flow, origin: options.origin },
      meta: options.meta,
    });
  });
  return { token, expiresAt, userId: link.userId, flow: options.flow, origin: options.origin };
}

const refused = () => new AppError("UNAUTHENTICATED", text("widget.linkSpent"));

/**
 * Spends a token for a widget session of its user, from the iframe the host page handed it to. The
 * token is marked used by one conditional update before anything else, so of two racing uses exactly
 * one gets past it, and a token presented with the wrong flow or origin is spent as well: whoever
 * holds a stolen one gets a single try. Unknown, used, expired, another flow's or origin's, a revoked
 * application's or a user it no longer reaches: the same refusal, and a replay is audited.
 *
 * The session stands for the host's own sign-in, a first factor the application vouches for (as it
 * does over the API). So it counts as a fresh authentication only for an account whose highest level
 * is that; an account with a second factor proves it in the widget before any sensitive change
 * (security.md item 8), as a portal session would.
 */
export async function redeemWidgetToken(options: { token: string; flow: WidgetFlow; origin: string; meta: RequestMeta; now?: Date }) {
  if (!TOKEN_PATTERN.test(options.token)) throw refused();
  const now = options.now ?? new Date();
  const tokenHash = hashToken(options.token);
  const { count } = await db.widgetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  const row = await db.widgetToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, applicationId: true, flow: true, origin: true, usedAt: true, application: { select: { revokedAt: true } } },
  });
  if (count !== 1 || !row) {
    if (row?.usedAt && row.usedAt.getTime() !== now.getTime()) {
      await db.$transaction((tx) =>
        recordAuditEvent(tx, {
          action: "widget.token_refused",
          userId: row.userId,
          applicationId: row.applicationId,
          details: { reason: "already used", origin: options.origin },
          meta: options.meta,
        }),
      );
    }
    throw refused();
  }
  const linked = await db.apiApplicationUser.findUnique({
    where: { applicationId_userId: { applicationId: row.applicationId, userId: row.userId } },
    select: { id: true },
  });
  if (row.flow !== options.flow || row.origin !== options.origin || row.application.revokedAt || !linked || !(await mayEmbedWidget(row.origin))) {
    throw refused();
  }
  const stale = await requiresSecondFactor(row.userId);
  return db.$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        userId: row.userId,
        familyId: randomUUID(),
        authMethods: "widget_token",
        // Long past for an account with a second factor: every sensitive change steps up first.
        authenticatedAt: stale ? new Date(0) : now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + WIDGET_SESSION_MINUTES * 60_000),
        ip: options.meta.ip ?? null,
        userAgent: options.meta.userAgent ?? null,
        widgetApplicationId: row.applicationId,
        widgetOrigin: row.origin,
      },
    });
    await recordAuditEvent(tx, {
      action: "widget.opened",
      userId: row.userId,
      applicationId: row.applicationId,
      details: { flow: row.flow, origin: row.origin },
      meta: options.meta,
    });
    return session;
  });
}
