import "server-only";
import type { z } from "zod";
import { ApiProblem, type FieldProblem } from "@/lib/api/problem";

/**
 * Parses a body or a query with its zod schema, or throws 400 VALIDATION_FAILED listing every failing
 * field by name, so a client can fix them all at once. Unknown body fields are refused by the schemas
 * (z.strictObject) and listed here too: a misspelt "externalID" should fail loudly, not be dropped.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw validationProblem(parsed.error.issues, "body");
}

/** Query parameters; one given twice is refused rather than one of the two silently winning. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const repeated = [...new Set([...params.keys()].filter((key) => params.getAll(key).length > 1))];
  if (repeated.length > 0) {
    throw new ApiProblem("VALIDATION_FAILED", "A query parameter was given more than once.", {
      errors: repeated.map((field) => ({ field, detail: "Give this parameter once." })),
    });
  }
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (parsed.success) return parsed.data;
  throw validationProblem(parsed.error.issues, "query");
}

function validationProblem(issues: readonly z.core.$ZodIssue[], where: "body" | "query"): ApiProblem {
  const errors: FieldProblem[] = issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => problemAt([...path, key], where, where === "body" ? "This field is not known here." : "This parameter is not known here."));
    }
    return [problemAt(path, where, issue.message)];
  });
  const detail = where === "body" ? "Some fields are missing or invalid; see errors." : "Some query parameters are missing or invalid; see errors.";
  return new ApiProblem("VALIDATION_FAILED", detail, { errors });
}

function problemAt(path: string[], where: "body" | "query", detail: string): FieldProblem {
  const field = path.join(".");
  if (where === "query") return { field, detail };
  // RFC 6901: "" points at the whole body (a rule about several fields, like "at least one of");
  // "/" would name a member called "". "~" and "/" inside a name are escaped.
  return { field, pointer: path.map((p) => `/${p.replaceAll("~", "~0").replaceAll("/", "~1")}`).join(""), detail };
}
