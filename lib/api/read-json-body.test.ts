import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiProblem } from "@/lib/api/problem";
import { MAX_BODY_BYTES, readJsonBody } from "@/lib/api/read-json-body";

const post = (body: BodyInit | null, headers: Record<string, string> = { "Content-Type": "application/json" }) =>
  new Request("http://localhost/api/v1/users", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiProblem, String(error));
    return error;
  }
  assert.fail("expected a problem");
}

test("a JSON object in application/json is read, whatever the parameters or the type's case", async () => {
  for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON"]) {
    assert.deepEqual(await readJsonBody(post('{"email":"a@b.co"}', { "Content-Type": type })), { mediaType: "application/json", body: { email: "a@b.co" } });
  }
});

test("any other media type is 415 and says which it takes (Accept-Post); a resource may take its own types", async () => {
  const cases: Record<string, string>[] = [{}, { "Content-Type": "text/plain" }, { "Content-Type": "application/x-www-form-urlencoded" }, { "Content-Type": "multipart/form-data; boundary=x" }, { "Content-Type": "application/jsonx" }];
  for (const headers of cases) {
    const problem = await problemOf(readJsonBody(post('{"a":1}', headers)));
    assert.equal(problem.code, "UNSUPPORTED_MEDIA_TYPE", JSON.stringify(headers));
    assert.equal(problem.options.headers?.["Accept-Post"], "application/json");
  }
  const vendor = "application/vnd.pingidentity.device.activate+json";
  assert.deepEqual((await readJsonBody(post('{"otp":"123456"}', { "Content-Type": vendor }), { accepts: [vendor] })).mediaType, vendor);
  assert.equal((await problemOf(readJsonBody(post("{}"), { accepts: [vendor] }))).code, "UNSUPPORTED_MEDIA_TYPE");
  const patch = new Request("http://localhost/api/v1/users/u/devices/d", { method: "PATCH", body: "{}", headers: { "Content-Type": "text/plain" } });
  assert.deepEqual((await problemOf(readJsonBody(patch))).options.headers, { "Accept-Patch": "application/json" }, "a PATCH names Accept-Patch (RFC 5789)");
});

test("anything but a JSON object is 400 MALFORMED_BODY, never a 500", async () => {
  for (const body of ["", " ", "{", '{"a":', "[]", "null", '"x"', "1", "true", "\u0000", "{'a':1}", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
    const problem = await problemOf(readJsonBody(post(body as BodyInit)));
    assert.equal(problem.code, "MALFORMED_BODY", JSON.stringify(body));
    assert.equal(problem.status, 400);
  }
});

test("a body over the limit is 413, whether its Content-Length says so or not", async () => {
  const big = `{"a":"${"x".repeat(MAX_BODY_BYTES)}"}`;
  assert.equal((await problemOf(readJsonBody(post(big)))).code, "PAYLOAD_TOO_LARGE");
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(10_000)));
      controller.close();
    },
  });
  assert.equal((await problemOf(readJsonBody(post(stream)))).code, "PAYLOAD_TOO_LARGE");
  assert.deepEqual((await readJsonBody(post(`{"a":"${"x".repeat(MAX_BODY_BYTES - 20)}"}`))).body.a?.toString().length, MAX_BODY_BYTES - 20);
});
