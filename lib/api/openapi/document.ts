import "server-only";
import { createDocument, type oas31, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { config } from "@/lib/config";
import { API_KEY_SCHEME, ERROR_RESPONSES } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { users } from "@/lib/api/openapi/paths/users";
import { flows } from "@/lib/api/openapi/paths/flows";
import { devices } from "@/lib/api/openapi/paths/devices";
import { deviceKeys } from "@/lib/api/openapi/paths/device-keys";
import { problems } from "@/lib/api/openapi/paths/problems";
import { openapi } from "@/lib/api/openapi/paths/openapi";
import { authenticator } from "@/lib/api/openapi/paths/authenticator";
import { widgetTokens } from "@/lib/api/openapi/paths/widget-tokens";

/**
 * The route families, in the order the reference page shows them. A new family under app/api/v1 adds
 * its file in ./paths and one entry here; lib/api/openapi/routes.test.ts fails until it does.
 */
const FAMILIES: readonly ApiFamily[] = [users, devices, deviceKeys, flows, widgetTokens, authenticator, problems, openapi];

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const DESCRIPTION = `The flow API lets your application provision users and drive MFA enrollment, device authentication and device management for them.

Resources are HAL+JSON (\`application/hal+json\`): besides its own members, each has \`_links\`, with at least \`self\`, and one link per action allowed now. Follow links rather than building URLs.

Every error is a problem document (RFC 9457, \`application/problem+json\`) with \`type\`, \`title\`, \`status\`, \`detail\`, a stable \`code\` to switch on and, for invalid input, \`errors\` naming each field. A method a resource does not support is 405 with \`Allow\`.

Authenticate with your application's key: \`Authorization: Bearer mfa_sk_…\`. Each application has a request limit per minute; past it, requests are 429 with \`Retry-After\`.`;

/** The families' paths as one object; two families describing the same operation is a mistake, said at once. */
function mergeFamilies(families: readonly ApiFamily[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const family of families) {
    for (const [path, item] of Object.entries(family.paths)) {
      const merged = { ...paths[path] };
      for (const method of HTTP_METHODS) {
        const operation: ZodOpenApiOperationObject | undefined = item[method];
        if (!operation) continue;
        if (merged[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice (family ${family.tag.name}).`);
        merged[method] = { ...operation, tags: operation.tags ?? [family.tag.name] };
      }
      paths[path] = merged;
    }
  }
  return paths;
}

/**
 * zod renders each string format both as `format` and as the regular expression it checks with; the
 * format says it to a reader and to client generators, the long expression only adds noise.
 */
const FORMATS_WITHOUT_PATTERN = new Set(["date-time", "email", "uri"]);

export function buildOpenApiDocument(options: { appUrl: string }): oas31.OpenAPIObject {
  return createDocument(
    {
      openapi: "3.1.1",
      info: { title: "MFA device portal flow API", version: "1", description: DESCRIPTION },
      servers: [{ url: `${options.appUrl}/api/v1` }],
      security: [{ [API_KEY_SCHEME]: [] }],
      tags: FAMILIES.map((family) => family.tag),
      paths: mergeFamilies(FAMILIES),
      components: {
        securitySchemes: {
          [API_KEY_SCHEME]: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "mfa_sk_…",
            description: "Your application's API key (`mfa_sk_` and 49 letters and digits), made by the operator with `npm run app:create`. Send it as `Authorization: Bearer mfa_sk_…`.",
          },
        },
        responses: ERROR_RESPONSES,
      },
    },
    {
      override: ({ jsonSchema }) => {
        if (typeof jsonSchema.format === "string" && FORMATS_WITHOUT_PATTERN.has(jsonSchema.format)) delete jsonSchema.pattern;
        // z.int()'s bounds are JavaScript's safe integers: true, but nothing a reader needs.
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      },
    },
  );
}

let cached: { appUrl: string; document: oas31.OpenAPIObject } | undefined;

/** The document for this installation, built once per process (it changes only with a release or APP_URL). */
export function openApiDocument(): oas31.OpenAPIObject {
  const { appUrl } = config();
  if (cached?.appUrl !== appUrl) cached = { appUrl, document: buildOpenApiDocument({ appUrl }) };
  return cached.document;
}
