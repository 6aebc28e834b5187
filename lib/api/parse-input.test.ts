import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiProblem } from "@/lib/api/problem";
import { parseBody, parseQuery } from "@/lib/api/parse-input";
import { createApiUserSchema, findApiUsersQuery } from "@/lib/validations/api-users";
import { updateApiDeviceSchema } from "@/lib/validations/api-devices";

test("invalid fields are 400 VALIDATION_FAILED naming every field, unknown ones included", () => {
  let problem: ApiProblem | undefined;
  try {
    parseBody(createApiUserSchema, { email: "not-an-email", phone: "020 7946 0018", username: "has space", externalId: "", externalID: "typo" });
  } catch (error) {
    problem = error as ApiProblem;
  }
  assert.ok(problem instanceof ApiProblem);
  assert.equal(problem.code, "VALIDATION_FAILED");
  const fields = problem.options.errors!.map((e) => e.field).sort();
  assert.deepEqual(fields, ["email", "externalID", "externalId", "phone", "username"]);
  assert.ok(problem.options.errors!.every((e) => e.pointer === `/${e.field}` && e.detail.length > 0));

  const missing = (() => {
    try {
      parseBody(createApiUserSchema, { phone: 12 });
    } catch (error) {
      return (error as ApiProblem).options.errors;
    }
  })();
  assert.deepEqual(missing, [
    { field: "email", pointer: "/email", detail: "email is required." },
    { field: "phone", pointer: "/phone", detail: "phone must be a string." },
  ]);
});

test("a valid body is normalised: email and username in lower case, the phone in E.164, null for none", () => {
  assert.deepEqual(parseBody(createApiUserSchema, { email: "  Amy@Example.COM ", phone: "+44 7400 123456", username: "Amy.R", externalId: " Cust-1 " }), {
    email: "amy@example.com",
    phone: "+447400123456",
    username: "amy.r",
    externalId: " Cust-1 ",
  });
  assert.deepEqual(parseBody(createApiUserSchema, { email: "b@example.com", phone: null, username: null, externalId: null }), {
    email: "b@example.com",
    phone: null,
    username: null,
    externalId: null,
  });
});

test("query parameters: the one filter is required, unknown or repeated parameters are named", () => {
  assert.deepEqual(parseQuery(findApiUsersQuery, new URLSearchParams("externalId=cust-1")), { externalId: "cust-1" });
  const cases: Array<[string, string[]]> = [
    ["", ["externalId"]],
    ["externalId=", ["externalId"]],
    ["externalId=a&externalId=b", ["externalId"]],
    ["externalId=a&email=x", ["email"]],
  ];
  for (const [query, fields] of cases) {
    try {
      parseQuery(findApiUsersQuery, new URLSearchParams(query));
      assert.fail(query);
    } catch (error) {
      assert.ok(error instanceof ApiProblem, query);
      assert.equal(error.code, "VALIDATION_FAILED");
      assert.deepEqual(error.options.errors!.map((e) => e.field), fields, query);
      assert.ok(error.options.errors!.every((e) => e.pointer === undefined), "query parameters have no JSON pointer");
    }
  }
});

test("a rule about the body as a whole points at the whole document (RFC 6901 \"\"), not at a member named \"\"", () => {
  try {
    parseBody(updateApiDeviceSchema, {});
    assert.fail("expected a problem");
  } catch (error) {
    assert.ok(error instanceof ApiProblem);
    assert.deepEqual(error.options.errors, [{ field: "", pointer: "", detail: "Send at least one of nickname, default, status." }]);
  }
  try {
    parseBody(updateApiDeviceSchema, { "a/b~c": 1, nickname: "ok" });
    assert.fail("expected a problem");
  } catch (error) {
    assert.ok(error instanceof ApiProblem);
    assert.deepEqual(error.options.errors, [{ field: "a/b~c", pointer: "/a~1b~0c", detail: "This field is not known here." }]);
  }
});
