import { test } from "node:test";
import assert from "node:assert/strict";
import { compileErrors, validate } from "@readme/openapi-parser";
import { createSchema, type oas31 } from "zod-openapi";
import { config } from "@/lib/config";
import { PROBLEMS } from "@/lib/api/problem";
import { buildOpenApiDocument, HTTP_METHODS, openApiDocument } from "@/lib/api/openapi/document";
import { userCollectionSchema, userResourceSchema } from "@/lib/api/openapi/paths/users";
import { userCollection, userResource } from "@/lib/api/users/user-resource";
import { createApiUserSchema, findApiUsersQuery } from "@/lib/validations/api-users";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";

const operations = (document: oas31.OpenAPIObject) =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );

test("the OpenAPI document is valid OpenAPI 3.1: the specification's schema and its other rules (path parameters, unique operationIds, $refs)", async () => {
  // validate() dereferences what it is given; the document is shared, so it gets a copy.
  const result = await validate(structuredClone(openApiDocument()) as never);
  assert.ok(result.valid, result.valid ? "" : compileErrors(result));
  assert.deepEqual(result.warnings, []);
});

test("the validator does catch a broken document", async () => {
  const broken = structuredClone(buildOpenApiDocument({ appUrl: "https://accounts.example.com" }));
  delete broken.paths!["/users/{id}"]!.get!.parameters;
  const result = await validate(broken as never);
  assert.equal(result.valid, false);
  assert.match(compileErrors(result), /missing path parameter/);
});

test("info, server, the bearer key and the problem document are the API's own", () => {
  const document = openApiDocument();
  assert.equal(document.openapi.slice(0, 4), "3.1.");
  assert.equal(document.info.version, "1");
  assert.match(document.info.description ?? "", /HAL\+JSON/);
  assert.match(document.info.description ?? "", /application\/problem\+json/);
  assert.deepEqual(document.servers, [{ url: `${config().appUrl}/api/v1` }]);
  assert.deepEqual(
    { ...document.components?.securitySchemes?.apiKey, description: undefined },
    { type: "http", scheme: "bearer", bearerFormat: "mfa_sk_…", description: undefined },
  );
  const problem = document.components?.schemas?.Problem as oas31.SchemaObject;
  assert.deepEqual((problem.properties?.code as oas31.SchemaObject).enum, Object.keys(PROBLEMS), "every code of the catalogue, and only those");
  assert.deepEqual(problem.required, ["type", "title", "status", "code", "detail"]);
  const responses = Object.values(document.components?.responses ?? {});
  for (const status of [400, 401, 404, 405, 409, 410, 413, 415, 429, 503]) {
    const codes = Object.entries(PROBLEMS).filter(([, p]) => p.status === status).map(([code]) => code);
    const response = responses.find((r) => codes.every((code) => (r.description ?? "").includes(`\`${code}\``)));
    assert.ok(response && "content" in response && response.content?.["application/problem+json"], `a reusable problem response for ${status}`);
  }
});

test("every operation has an id, a summary, a tag and responses; those behind a key declare it and its 401", () => {
  const document = openApiDocument();
  const tags = new Set(document.tags?.map((t) => t.name));
  for (const { path, method, operation } of operations(document)) {
    const name = `${method.toUpperCase()} ${path}`;
    assert.ok(operation.operationId, `${name}: operationId`);
    assert.ok(operation.summary, `${name}: summary`);
    assert.ok(operation.tags?.length && operation.tags.every((t) => tags.has(t)), `${name}: a declared tag`);
    assert.ok(Object.keys(operation.responses ?? {}).some((s) => s.startsWith("2")), `${name}: a success response`);
    assert.ok(Array.isArray(operation.security), `${name}: says whether it needs a key`);
    if (operation.security!.length > 0) assert.ok(operation.responses?.["401"], `${name}: 401`);
  }
  const publicOnes = operations(document).filter((o) => o.operation.security?.length === 0).map((o) => `${o.method} ${o.path}`);
  // The authenticator's endpoints take no key: the phone signs its requests with its device key instead.
  assert.deepEqual(publicOnes.sort(), [
    "delete /authenticator/subscription",
    "get /authenticator/vapid-key",
    "get /openapi.json",
    "get /problems/{type}",
    "post /authenticator/decide",
    "post /authenticator/pair",
    "post /authenticator/requests",
    "put /authenticator/subscription",
  ]);
});

test("request bodies and query parameters are the schemas the routes parse with", () => {
  const document = openApiDocument();
  const createUser = document.paths!["/users"]!.post!;
  const body = (createUser.requestBody as oas31.RequestBodyObject).content["application/json"]!.schema as oas31.SchemaObject;
  const expected = createSchema(createApiUserSchema, { io: "input" }).schema as oas31.SchemaObject;
  assert.deepEqual(Object.keys(body.properties ?? {}), Object.keys(expected.properties ?? {}));
  assert.deepEqual(body.required, ["email"]);
  assert.equal(body.additionalProperties, false, "unknown fields are refused (z.strictObject), and said so");

  const query = (document.paths!["/users"]!.get!.parameters as oas31.ParameterObject[]).filter((p) => p.in === "query");
  assert.deepEqual(query.map((p) => [p.name, p.required]), Object.keys(findApiUsersQuery.shape).map((name) => [name, true]));
});

test("the user representation the routes build is the one the document describes", () => {
  const user = { id: "ck1", email: "amy@example.com", username: null, phone: "+447400123456", externalId: "cust-1", mfaEnabled: false, createdAt: new Date() };
  assert.deepEqual(userResourceSchema.parse(userResource(user)), userResource(user));
  const collection = userCollection([user], "https://accounts.example.com/api/v1/users?externalId=cust-1");
  assert.deepEqual(userCollectionSchema.parse(collection), collection);
});

test("GET /api/v1/openapi.json serves the document as JSON, cacheable", async () => {
  const response = await getOpenApiJson();
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal(response.headers.get("cache-control"), "public, max-age=3600");
  assert.deepEqual(await response.json(), JSON.parse(JSON.stringify(openApiDocument())));
});
