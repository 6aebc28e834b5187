import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
import { apiUrl, halResponse } from "@/lib/api/hal";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { config } from "@/lib/config";
import { issueWidgetToken } from "@/lib/widget/widget-tokens";
import { createWidgetTokenSchema } from "@/lib/validations/api-widget-tokens";
import type { WidgetTokenBody } from "@/lib/api/openapi/paths/widget-tokens";

/**
 * POST /api/v1/widget-tokens: a short-lived, single-use token for your page to open the widget for one
 * of your users (lib/widget/widget-tokens.ts). Ask for it from your server, with your key, when the
 * page is about to open the widget; never put your key in a page.
 */
export const POST = apiHandler(async (request, { application, meta }) => {
  const { body } = await readJsonBody(request);
  const input = parseBody(createWidgetTokenSchema, body);
  const issued = await issueWidgetToken({
    application,
    user: input.userId !== undefined ? { userId: input.userId } : { externalId: input.externalId! },
    flow: input.flow,
    origin: input.origin,
    meta,
  });
  const representation: WidgetTokenBody = {
      token: issued.token,
      expiresAt: issued.expiresAt.toISOString(),
      flow: issued.flow,
      origin: issued.origin,
      _links: { self: { href: apiUrl("/widget-tokens") }, user: { href: apiUrl(`/users/${issued.userId}`) }, widget: { href: `${config().appUrl}/widget.js` } },
  };
  return halResponse(representation, { status: 201 });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);
