import "server-only";
import { z } from "zod";
import { authenticated, errors, HAL_JSON, halLinksSchema } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { createWidgetTokenSchema } from "@/lib/validations/api-widget-tokens";
import { WIDGET_FLOWS } from "@/lib/widget/widget-params";
import { WIDGET_TOKEN_MINUTES } from "@/lib/widget/widget-tokens";

/** The widget tokens resource (app/api/v1/widget-tokens), built in that route from lib/widget/widget-tokens.ts. */
export const widgetTokenSchema = z
  .strictObject({
    token: z.string().meta({ description: "`mfa_wt_` and 43 characters. Hand it to `MfaWidget.open({ token })` in the page; it is spent by its first use." }),
    expiresAt: z.iso.datetime().meta({ description: `When it stops working (UTC), ${WIDGET_TOKEN_MINUTES} minutes after it was issued.` }),
    flow: z.enum(WIDGET_FLOWS).meta({ description: "The flow it opens." }),
    origin: z.string().meta({ description: "The only host origin it works on." }),
    _links: halLinksSchema,
  })
  .meta({ id: "WidgetToken", description: "A token for the widget on your own site, for one user, one flow and one host origin." });

export type WidgetTokenBody = z.input<typeof widgetTokenSchema>;

export const widgetTokens: ApiFamily = {
  tag: {
    name: "Widget",
    description:
      "The device widget on your own site. Your server asks for a token for its signed-in user; your page opens the widget with it (`widget.js`). No portal cookie is needed, so it works on any allowed site, whatever the browser does with third-party cookies.",
  },
  paths: {
    "/widget-tokens": {
      post: authenticated({
        operationId: "createWidgetToken",
        summary: "Issue a widget token",
        description: `A short-lived (${WIDGET_TOKEN_MINUTES} minutes), single-use token that opens the widget's flow for one of your users, only in a page on \`origin\`, which must be one of the widget origins. Only its hash is kept. Ask for one each time a page opens the widget, from your server: never put your API key in a page. Another application's user is 404; an origin that is not allowed is 400.`,
        requestBody: { required: true, content: { "application/json": { schema: createWidgetTokenSchema } } },
        responses: {
          "201": { description: "The token.", content: { [HAL_JSON]: { schema: widgetTokenSchema } } },
          ...errors(400, 404, 413, 415),
        },
      }),
    },
  },
};
