import { z } from "zod";
import { apiUserIdSchema, externalIdSchema } from "@/lib/validations/api-users";
import { isOrigin } from "@/lib/validations/applications";
import { WIDGET_FLOWS } from "@/lib/widget/widget-params";

/** POST /api/v1/widget-tokens: whose widget, which flow, and the host page it will be opened on. */
export const createWidgetTokenSchema = z
  .strictObject({
    userId: apiUserIdSchema.optional().meta({ description: "The user's id, as in its `self` link. Give this or `externalId`." }),
    externalId: externalIdSchema.optional().meta({ description: "Your application's id for the person. Give this or `userId`." }),
    flow: z.enum(WIDGET_FLOWS).default("device-management").meta({ description: "The widget's flow." }),
    origin: z
      .string({ error: "origin is required." })
      .max(200)
      .refine(isOrigin, { error: "Give the host page's origin only: scheme, host and port, e.g. https://shop.example.com." })
      .meta({ description: "The origin of the page that will open the widget with this token; one of the widget origins." }),
  })
  .refine((body) => (body.userId === undefined) !== (body.externalId === undefined), {
    path: [],
    error: "Give exactly one of userId and externalId.",
  });
export type CreateWidgetTokenBody = z.output<typeof createWidgetTokenSchema>;
