import "server-only";
import { z } from "zod";
import { currentSession } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors/app-error";
import { startFlow } from "@/lib/flows/flow-executions";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { localizedError } from "@/lib/actions/action-result";
import { clientDoorView, doorViewOf, errorAnswer, json, readJson, refusal } from "@/lib/flows/flow-door";
import { mayEmbedWidget } from "@/lib/widget/widget-origins";
import { redeemWidgetToken } from "@/lib/widget/widget-tokens";
import { widgetSessionCredential } from "@/lib/widget/widget-session";
import { WIDGET_FLOWS } from "@/lib/widget/widget-params";

/**
 * What the widget's iframe sends once the host page has answered its handshake (components/widget/
 * widget-launcher.tsx): the flow, the host's origin (the one its page was opened for), and either the
 * widget token the host's server got for its user or, without one, the username a same-site host
 * expects of the portal's session. Token and username travel in this body, never in the iframe's URL.
 */
const openWidgetBody = z.strictObject({
  flow: z.enum(WIDGET_FLOWS),
  parentOrigin: z.url().max(300).transform((u) => new URL(u).origin),
  token: z.string().min(1).max(200).optional(),
  username: z.string().trim().max(200).optional(),
});

/**
 * POST /api/widget/flows: starts the widget's flow. With a token, as the widget session it opens (its
 * credential comes back for the iframe to keep in memory); without one, as the portal session whose
 * cookie a same-site frame still carries, or as nobody (the flow then says a session is required).
 */
export async function openWidgetFlowResponse(request: Request): Promise<Response> {
  const read = await readJson(request);
  if ("refused" in read) return read.refused;
  const parsed = openWidgetBody.safeParse(read.body);
  const locale = await requestLocale();
  const t = translatorFor(locale, "widget");
  if (!parsed.success) return refusal(400, t("invalidRequest"));
  const { flow: kind, parentOrigin, token, username } = parsed.data;
  try {
    if (!(await mayEmbedWidget(parentOrigin))) return refusal(403, t("notEmbeddable"));
    if (token) {
      const session = await redeemWidgetToken({ token, flow: kind, origin: parentOrigin, meta: metaFromHeaders(request.headers) });
      const credential = { value: widgetSessionCredential(session) };
      const caller = await callerFor(
        { id: session.id, familyId: session.familyId },
        {
          writeSession: async (renewed) => {
            credential.value = widgetSessionCredential(renewed);
          },
        },
      );
      const started = await startFlow({ kind, userId: session.userId, input: {}, door: "widget", caller });
      const view = clientDoorView(await doorViewOf(started, session.userId, caller), locale);
      return json({ status: "success", view, widgetSession: credential.value });
    }
    // A session still waiting for its second factor counts as none here.
    const live = await currentSession();
    const session = live && !live.secondFactorPending ? live : null;
    const userId = session?.user.id ?? null;
    const caller = await callerFor(session);
    const started = await startFlow({ kind, userId, input: { username }, door: "widget", caller });
    if (!userId) return json({ status: "success", view: { flow: clientDoorView({ flow: started, subflow: null }, locale).flow, subflow: null } });
    return json({ status: "success", view: clientDoorView(await doorViewOf(started, userId, caller), locale) });
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") return refusal(401, localizedError(error, locale).message ?? error.message);
    return errorAnswer(error, locale);
  }
}
