import type { oas31, ZodOpenApiPathsObject } from "zod-openapi";

/**
 * A route family's part of the OpenAPI document: its tag (a group on the reference page) and the
 * operations of its routes under app/api/v1, with paths relative to the server (`/users/{id}`).
 * Each family lives in its own file in ./paths and is listed once in ./document.ts. The operations'
 * `tags` default to the family's tag.
 */
export type ApiFamily = {
  tag: oas31.TagObject;
  paths: ZodOpenApiPathsObject;
};
