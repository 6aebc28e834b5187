import type { oas31 } from "zod-openapi";

/**
 * JSON Schema (as in the OpenAPI document) flattened into rows a person reads as a table: one per
 * field, nested fields below their parent with a greater depth, each with a short type, whether it is
 * required, its description and its constraints in words. Used by the API reference page; pure, so
 * the page renders exactly what openapi.json says.
 */

type Schema = oas31.SchemaObject | oas31.ReferenceObject;

export type FieldRow = {
  /** Unique within one table: the field's path (`_links.self.href`). */
  key: string;
  name: string;
  depth: number;
  type: string;
  /** The component a `$ref` names, for a link to its description. */
  component?: string;
  required: boolean;
  description?: string;
  constraints: string[];
};

/** How deep nested objects are expanded; deeper ones are named by type only. */
const MAX_DEPTH = 4;

const COMPONENT_SCHEMA = /^#\/components\/schemas\/(.+)$/;

const isRef = (schema: Schema): schema is oas31.ReferenceObject => typeof (schema as oas31.ReferenceObject).$ref === "string";

export function componentName(ref: string): string | undefined {
  return COMPONENT_SCHEMA.exec(ref)?.[1];
}

/** Any `#/components/...` reference, resolved in the document. */
export function resolveRef<T>(document: oas31.OpenAPIObject, ref: string): T {
  if (!ref.startsWith("#/")) throw new Error(`Only local references are supported: ${ref}`);
  let node: unknown = document;
  for (const part of ref.slice(2).split("/")) {
    const key = part.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined) throw new Error(`Unresolved reference: ${ref}`);
  return node as T;
}

/** The schema behind a reference (and its component's name), or the schema itself. */
function deref(document: oas31.OpenAPIObject, schema: Schema): { schema: oas31.SchemaObject; component?: string; description?: string } {
  if (!isRef(schema)) return { schema, ...(schema.description ? { description: schema.description } : {}) };
  const component = componentName(schema.$ref);
  const target = resolveRef<Schema>(document, schema.$ref);
  // A reference may carry its own description (OpenAPI 3.1), which wins over the component's.
  const description = schema.description ?? (isRef(target) ? undefined : target.description);
  return { ...deref(document, target), ...(component ? { component } : {}), ...(description ? { description } : {}) };
}

/** `anyOf: [X, {type: null}]` (zod's nullable) → X and a flag. */
function splitNull(document: oas31.OpenAPIObject, schema: oas31.SchemaObject): { branches: Schema[]; nullable: boolean } {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (!alternatives) return { branches: [], nullable: false };
  const isNull = (s: Schema) => !isRef(s) && s.type === "null";
  return { branches: alternatives.filter((s) => !isNull(s)), nullable: alternatives.some(isNull) };
}

/** A short type: `string`, `string | null`, `integer`, `HalLink`, `array of FieldProblem`, `"a" | "b"`. */
export function typeLabel(document: oas31.OpenAPIObject, input: Schema): string {
  const { schema, component } = deref(document, input);
  if (component) return component;
  const { branches, nullable } = splitNull(document, schema);
  if (branches.length > 0) {
    const label = branches.map((b) => typeLabel(document, b)).join(" | ");
    return nullable ? `${label} | null` : label;
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const named = types.map((t) => (t === "array" && schema.items ? `array of ${typeLabel(document, schema.items)}` : t));
  if (named.length > 0) return named.join(" | ");
  if (schema.properties) return "object";
  return "any";
}

/** Constraints worth reading, in words. */
export function constraintsOf(document: oas31.OpenAPIObject, input: Schema): string[] {
  const { schema } = deref(document, input);
  const { branches } = splitNull(document, schema);
  const own: string[] = [];
  if (schema.format) own.push(`format: ${schema.format}`);
  if (schema.enum) own.push(`one of: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  const { minLength, maxLength } = schema;
  if (minLength !== undefined && maxLength !== undefined) own.push(`${minLength}–${maxLength} characters`);
  else if (maxLength !== undefined) own.push(`at most ${maxLength} characters`);
  else if (minLength !== undefined) own.push(`at least ${minLength} characters`);
  if (schema.pattern) own.push(`pattern: ${schema.pattern}`);
  if (schema.minimum !== undefined) own.push(`minimum: ${schema.minimum}`);
  if (schema.maximum !== undefined) own.push(`maximum: ${schema.maximum}`);
  if (schema.minItems !== undefined) own.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) own.push(`at most ${schema.maxItems} items`);
  // A nullable's constraints are those of its non-null branch (a component's are in its own table).
  for (const branch of branches) if (!isRef(branch)) own.push(...constraintsOf(document, branch));
  if (schema.default !== undefined) own.push(`default: ${JSON.stringify(schema.default)}`);
  if (schema.examples?.length) own.push(`example: ${schema.examples.map((v) => JSON.stringify(v)).join(", ")}`);
  return own;
}

/**
 * The object whose members are listed below a field: itself, its nullable branch, or its array's
 * items. A named component is not expanded inside another schema (the page describes each once), so
 * references are followed only for the schema a table is about (`followRef`).
 */
function membersOf(document: oas31.OpenAPIObject, input: Schema, followRef: boolean): { schema: oas31.SchemaObject; suffix: string } | undefined {
  if (isRef(input) && !followRef) return undefined;
  const { schema } = deref(document, input);
  if (schema.properties || (schema.additionalProperties && typeof schema.additionalProperties === "object")) return { schema, suffix: "" };
  const { branches } = splitNull(document, schema);
  if (branches.length === 1) return membersOf(document, branches[0]!, false);
  if (schema.type === "array" && schema.items) {
    const items = membersOf(document, schema.items, false);
    return items && { schema: items.schema, suffix: "[]" };
  }
  return undefined;
}

/** The component a field's type names, directly, through a nullable, or as its array's items. */
function linkedComponent(document: oas31.OpenAPIObject, input: Schema): string | undefined {
  if (isRef(input)) return componentName(input.$ref);
  const { branches } = splitNull(document, input);
  if (branches.length === 1) return linkedComponent(document, branches[0]!);
  if (input.type === "array" && input.items) return linkedComponent(document, input.items);
  return undefined;
}

/** The rows of a schema's fields (of its items, for an array); none for a scalar. */
export function schemaFields(document: oas31.OpenAPIObject, input: Schema): FieldRow[] {
  const members = membersOf(document, input, true);
  return members ? objectRows(document, members.schema, "", 0) : [];
}

function objectRows(document: oas31.OpenAPIObject, schema: oas31.SchemaObject, path: string, depth: number): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    rows.push(...fieldRows(document, name, property, required.has(name), path, depth));
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === "object") {
    const isAny = !isRef(extra) && Object.keys(extra).length === 0;
    const component = isAny ? undefined : linkedComponent(document, extra);
    const description = isAny ? "Other members may appear; ignore those you do not know." : deref(document, extra).description;
    rows.push({
      key: `${path}*`,
      name: "(any other name)",
      depth,
      type: isAny ? "any" : typeLabel(document, extra),
      ...(component ? { component } : {}),
      required: false,
      ...(description ? { description } : {}),
      constraints: [],
    });
  }
  return rows;
}

function fieldRows(document: oas31.OpenAPIObject, name: string, property: Schema, required: boolean, path: string, depth: number): FieldRow[] {
  const { description } = deref(document, property);
  const component = linkedComponent(document, property);
  const key = `${path}${name}`;
  const row: FieldRow = {
    key,
    name,
    depth,
    type: typeLabel(document, property),
    ...(component ? { component } : {}),
    required,
    ...(description ? { description } : {}),
    constraints: isRef(property) ? [] : constraintsOf(document, property),
  };
  const members = depth + 1 < MAX_DEPTH ? membersOf(document, property, false) : undefined;
  return members ? [row, ...objectRows(document, members.schema, `${key}${members.suffix}.`, depth + 1)] : [row];
}
