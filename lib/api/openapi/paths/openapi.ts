import "server-only";
import { z } from "zod";
import { unauthenticated } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";

/** This document itself (app/api/v1/openapi.json). */
export const openapi: ApiFamily = {
  tag: { name: "Reference", description: "This API's description, for people and for code generators." },
  paths: {
    "/openapi.json": {
      get: unauthenticated({
        operationId: "getOpenApiDocument",
        summary: "This OpenAPI document",
        description: "The OpenAPI 3.1 document of this API, generated from the same schemas the API validates requests with. Public, and cacheable for an hour.",
        responses: {
          "200": {
            description: "The OpenAPI document.",
            content: {
              "application/json": {
                schema: z
                  .looseObject({ openapi: z.string().meta({ examples: ["3.1.1"] }), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
                  .meta({ description: "An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1)." }),
              },
            },
          },
        },
      }),
    },
  },
};
