import "server-only";
import { z } from "zod";
import { errors, unauthenticated } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { PROBLEMS, problemSlug, type ProblemCode } from "@/lib/api/problem";

/** The problem types (app/api/v1/problems/[type]): what a problem document's `type` URL answers. */

const codes = Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]];
const slugs = codes.map(problemSlug) as [string, ...string[]];

export const problemTypeSchema = z
  .strictObject({
    type: z.url().meta({ description: "This URL." }),
    code: z.enum(codes),
    title: z.string(),
    status: z.int().meta({ description: "The HTTP status problems of this kind come with." }),
    description: z.string().meta({ description: "When this problem happens and what to do about it." }),
  })
  .meta({ id: "ProblemType", description: "A kind of problem, described." });

export const problems: ApiFamily = {
  tag: {
    name: "Problems",
    description: "Every error is a problem document (RFC 9457, `application/problem+json`) whose `type` is a URL under /problems; that URL describes the kind of problem.",
  },
  paths: {
    "/problems/{type}": {
      get: unauthenticated({
        operationId: "getProblemType",
        summary: "Describe a problem type",
        description: "The kind of problem a problem document's `type` names. Public, and cacheable for an hour.",
        requestParams: {
          path: z.object({ type: z.enum(slugs).meta({ description: "The last segment of a problem's `type`: its code, lower case, with hyphens." }) }),
        },
        responses: {
          "200": { description: "The problem type.", content: { "application/json": { schema: problemTypeSchema } } },
          ...errors(404),
        },
      }),
    },
  },
};
