import { expect, test } from "@playwright/test";

/**
 * The flow API's reference (issue 10): the OpenAPI document at /api/v1/openapi.json, public, and the
 * page that renders it at /developers/api, with nothing loaded from anywhere but this app.
 */

test("the OpenAPI document is served to anyone, as JSON, with this installation's server URL", async ({ request, baseURL }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toBe("public, max-age=3600");
  const document = (await response.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toMatch(/^3\.1\./);
  expect(document.servers).toEqual([{ url: `${baseURL}/api/v1` }]);
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/users", "/users/{id}", "/problems/{type}", "/openapi.json"]));

  const post = await request.post("/api/v1/openapi.json", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["allow"]).toBe("GET");
});

test("the API reference page renders the operations, their fields and the problem codes, from this app only", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  const response = await page.goto("/developers/api");
  expect(response?.status()).toBe(200);

  await expect(page.getByRole("heading", { level: 1, name: "MFA device portal flow API" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "API reference contents" })).toBeVisible();
  for (const tag of ["Users", "Problems", "Schemas", "Problem codes"]) {
    await expect(page.getByRole("heading", { level: 2, name: tag })).toBeVisible();
  }

  const provision = page.getByRole("region", { name: "Provision a user" });
  await expect(provision.getByRole("heading", { level: 3, name: "Provision a user" })).toBeVisible();
  await expect(provision.getByText("POST", { exact: true })).toBeVisible();
  await expect(provision.getByText("/users", { exact: true })).toBeVisible();
  const fields = provision.getByRole("table", { name: "Request body fields of Provision a user" });
  await expect(fields.getByRole("rowheader", { name: "email" })).toBeVisible();
  await expect(fields.getByRole("row", { name: /email string Yes/ })).toBeVisible();
  await expect(fields.getByRole("row", { name: /externalId string \| null No/ })).toBeVisible();
  const responses = provision.getByRole("table", { name: "Responses of Provision a user" });
  for (const status of ["201", "400", "401", "409", "415", "429"]) await expect(responses.getByRole("rowheader", { name: status, exact: true })).toBeVisible();

  const codes = page.getByRole("table", { name: "Problem codes" });
  await expect(codes.getByRole("row", { name: /USER_EXISTS 409 User already exists/ })).toBeVisible();

  // The raw document is one link away.
  await page.getByRole("main").getByRole("link", { name: "/api/v1/openapi.json" }).click();
  await expect(page).toHaveURL(/\/api\/v1\/openapi\.json$/);
  expect(foreign).toEqual([]);
});

test("the skip link takes the keyboard past the contents to the reference", async ({ page }) => {
  await page.goto("/developers/api");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});
