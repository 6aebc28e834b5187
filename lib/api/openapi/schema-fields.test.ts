import { test } from "node:test";
import assert from "node:assert/strict";
import type { oas31 } from "zod-openapi";
import { schemaFields, typeLabel } from "@/lib/api/openapi/schema-fields";

const document: oas31.OpenAPIObject = {
  openapi: "3.1.1",
  info: { title: "t", version: "1" },
  components: {
    schemas: {
      Link: { type: "object", properties: { href: { type: "string", format: "uri" } }, required: ["href"], description: "A link." },
    },
  },
};

test("a schema becomes rows: nested objects below their parent, nullable and array types in words, constraints, components named not expanded", () => {
  const schema: oas31.SchemaObject = {
    type: "object",
    required: ["device"],
    properties: {
      device: {
        type: "object",
        description: "The device.",
        required: ["nickname"],
        properties: {
          nickname: { type: "string", minLength: 1, maxLength: 40, examples: ["Work phone"] },
          phone: { anyOf: [{ type: "string", pattern: "^\\+\\d+$" }, { type: "null" }] },
          kind: { type: "string", enum: ["SMS", "TOTP"] },
        },
      },
      links: { type: "array", items: { $ref: "#/components/schemas/Link" } },
      self: { $ref: "#/components/schemas/Link", description: "This resource." },
    },
    additionalProperties: {},
  };
  const rows = schemaFields(document, schema).map((r) => [r.depth, r.key, r.type, r.required, r.description ?? "", r.constraints.join("; "), r.component ?? ""]);
  assert.deepEqual(rows, [
    [0, "device", "object", true, "The device.", "", ""],
    [1, "device.nickname", "string", true, "", '1–40 characters; example: "Work phone"', ""],
    [1, "device.phone", "string | null", false, "", "pattern: ^\\+\\d+$", ""],
    [1, "device.kind", "string", false, "", 'one of: "SMS", "TOTP"', ""],
    [0, "links", "array of Link", false, "", "", "Link"],
    [0, "self", "Link", false, "This resource.", "", "Link"],
    [0, "*", "any", false, "Other members may appear; ignore those you do not know.", "", ""],
  ]);
});

test("a table about a component expands it; an array's table lists its items' fields", () => {
  assert.deepEqual(schemaFields(document, { $ref: "#/components/schemas/Link" }).map((r) => r.name), ["href"]);
  assert.deepEqual(schemaFields(document, { type: "array", items: { type: "object", properties: { a: { type: "integer" } } } }).map((r) => [r.name, r.type]), [["a", "integer"]]);
  assert.deepEqual(schemaFields(document, { type: "string" }), []);
  assert.equal(typeLabel(document, { type: ["string", "null"] }), "string | null");
  assert.equal(typeLabel(document, { anyOf: [{ $ref: "#/components/schemas/Link" }, { type: "array", items: { $ref: "#/components/schemas/Link" } }] }), "Link | array of Link");
});
