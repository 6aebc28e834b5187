import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_METHODS, openApiDocument } from "@/lib/api/openapi/document";

/**
 * Every route under app/api/v1 is in the OpenAPI document, and nothing else is: the routes are read
 * from the files, so a route family added later (devices, flows) fails here until its operations are
 * described in lib/api/openapi/paths and listed in lib/api/openapi/document.ts.
 */

const API_DIR = path.join(process.cwd(), "app/api/v1");
const METHOD_NAMES = HTTP_METHODS.map((m) => m.toUpperCase()).join("|");

/** `users/[id]` → `/users/{id}`; route groups `(x)` vanish; null for catch-alls, which are no resource. */
function openApiPathOf(folder: string): string | null {
  const segments = folder.split(/[\\/]/).filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  if (segments.some((s) => s.startsWith("[..."))) return null;
  if (segments.some((s) => s.startsWith("[[..."))) return null;
  return `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
}

/**
 * The HTTP methods a route file really handles: each exported method, unless its handler is
 * methodNotAllowed(...) (405 for the methods a resource does not have). Reads
 * `export const GET = …`, `export async function GET(…)` and `export { handler as GET }`.
 */
function handledMethods(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const handled = new Map<string, boolean>();
  const refuses = (initializer: string) => /^methodNotAllowed\s*\(/.test(initializer.trim());
  const localInitializer = (name: string) => new RegExp(`(?:const|let|var)\\s+${name}\\s*(?::[^=]+)?=\\s*([^;]+)`).exec(code)?.[1] ?? "";

  for (const m of code.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+(${METHOD_NAMES})\\s*(?::[^=]+)?=\\s*([^;]+)`, "g"))) {
    handled.set(m[1]!, !refuses(m[2]!));
  }
  for (const m of code.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${METHOD_NAMES})\\s*[(<]`, "g"))) {
    handled.set(m[1]!, true);
  }
  for (const list of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const entry of list[1]!.split(",")) {
      const [local, exported] = entry.trim().split(/\s+as\s+/).map((s) => s.trim());
      const name = exported ?? local;
      if (!name || !new RegExp(`^(${METHOD_NAMES})$`).test(name)) continue;
      handled.set(name, !refuses(localInitializer(local!)));
    }
  }
  return [...handled].filter(([, yes]) => yes).map(([name]) => name.toLowerCase()).sort();
}

function routesOnDisk(): Array<{ path: string; method: string; file: string }> {
  const files = (readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts" || path.basename(f) === "route.tsx");
  return files.flatMap((file) => {
    const openApiPath = openApiPathOf(path.dirname(file) === "." ? "" : path.dirname(file));
    if (openApiPath === null) return [];
    const methods = handledMethods(readFileSync(path.join(API_DIR, file), "utf8"));
    return methods.map((method) => ({ path: openApiPath, method, file: `app/api/v1/${file}` }));
  });
}

test("the scan reads every way a route exports its handlers, and skips methodNotAllowed", () => {
  const source = `
    import { apiHandler, methodNotAllowed } from "@/lib/api/api-handler";
    /** export const PUT = apiHandler(...) in a comment is not a route */
    export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
      return halResponse({ a: 1 });
    });
    export async function POST(request: Request) { return new Response(null); }
    export function HEAD() { return new Response(null); }
    const remove = apiHandler(async () => new Response(null, { status: 204 }));
    const refuse = methodNotAllowed(["GET", "POST", "DELETE"]);
    export { remove as DELETE, refuse as PATCH };
    export const PUT = methodNotAllowed(["GET", "POST", "DELETE"]);
    // export const OPTIONS = apiHandler(...)
  `;
  assert.deepEqual(handledMethods(source), ["delete", "get", "head", "post"]);
  assert.equal(openApiPathOf("users/[id]/devices/[deviceId]"), "/users/{id}/devices/{deviceId}");
  assert.equal(openApiPathOf("flowExecutions/[id]"), "/flowExecutions/{id}");
  assert.equal(openApiPathOf("(public)/openapi.json"), "/openapi.json");
  assert.equal(openApiPathOf("[[...path]]"), null);
  assert.equal(openApiPathOf("files/[...rest]"), null);
});

test("every route under app/api/v1 is in the OpenAPI document, and every documented operation has a route", () => {
  const routes = routesOnDisk();
  assert.ok(routes.some((r) => r.path === "/users" && r.method === "post"), "the scan found the users routes");
  const document = openApiDocument();
  const documented = Object.entries(document.paths ?? {}).flatMap(([p, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${p}`),
  );
  const onDisk = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);

  const undocumented = routes.filter((r) => !documented.includes(`${r.method.toUpperCase()} ${r.path}`)).map((r) => `${r.method.toUpperCase()} ${r.path} (${r.file})`);
  assert.deepEqual(undocumented, [], `Routes missing from the OpenAPI document (describe them in lib/api/openapi/paths/*.ts):\n${undocumented.join("\n")}`);
  const orphans = documented.filter((op) => !onDisk.includes(op));
  assert.deepEqual(orphans, [], `Documented operations with no route under app/api/v1:\n${orphans.join("\n")}`);
});
