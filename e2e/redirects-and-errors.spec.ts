import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { errorNotice } from "./fixtures/ui";
import { fillSignIn, PASSWORD, seedUser, signIn, signInButton } from "./fixtures/users";
import { waitForMessage } from "./fixtures/outbox";

// security.md items 29 and 30: return paths stay on this site, no exception text reaches a client, and
// the audited client address is not the client's to choose.

// Each of these leads off-site in some browser or after one more decoding.
const HOSTILE_RETURN_PATHS = [
  "https://evil.example/",
  "//evil.example/",
  "/\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\r\n/evil.example",
  "/%2F%2Fevil.example",
  "/%252F%252Fevil.example",
  "/%5Cevil.example",
  "/.//evil.example",
  "javascript:alert(document.domain)",
  "/%0d%0aSet-Cookie:%20stolen=1",
];

test("a signed-in visit to the sign-in page redirects only to a normalized path on this site", async ({ page, baseURL }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signIn(page, user.email);
  for (const value of HOSTILE_RETURN_PATHS) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
    expect(response.status(), value).toBeGreaterThanOrEqual(300);
    expect(response.status(), value).toBeLessThan(400);
    expect(response.headers()["location"], value).toBe("/account");
  }
  const kept = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(`${baseURL}/devices?x=1`)}`, { maxRedirects: 0 });
  expect(kept.headers()["location"]).toBe("/devices?x=1");
});

test("next-auth's own redirects keep their callbackUrl on this site", async ({ request, baseURL }) => {
  for (const value of HOSTILE_RETURN_PATHS) {
    const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
    const location = new URL(response.headers()["location"] ?? "", baseURL);
    expect(location.origin, value).toBe(new URL(baseURL!).origin);
    // next-auth refuses some values outright (its error page then says "Configuration"); when it
    // keeps one, it is the account page.
    const kept = location.searchParams.get("callbackUrl");
    if (kept !== null) expect(kept, value).toBe(`${new URL(baseURL!).origin}/account`);
    else expect(location.searchParams.get("error"), value).toBe("Configuration");
  }
});

test("signing in through the form with a hostile return path lands on the account page", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/%09/evil.example")}`);
  await fillSignIn(page, user.email);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("next-auth error redirects carry only fixed codes, and the sign-in page shows only fixed messages", async ({ page, request }) => {
  const leaked = "PrismaClientKnownRequestError: SQLITE_BUSY at /srv/app/lib/db.ts:12";
  const response = await request.get(`/api/auth/error?error=${encodeURIComponent(leaked)}`, { maxRedirects: 0 });
  expect(response.headers()["location"]).toMatch(/\/sign-in\?error=Default$/);
  const injected = await request.get("/api/auth/error?error=%0d%0aX-Injected:%201", { maxRedirects: 0 });
  expect(injected.status()).toBe(302);
  expect(injected.headers()["x-injected"]).toBeUndefined();

  await page.goto(`/sign-in?error=${encodeURIComponent(leaked)}`);
  await expect(errorNotice(page)).toHaveText("Something went wrong while signing you in. Please try again.");
  await expect(page.getByText("SQLITE_BUSY")).toHaveCount(0);
  await page.goto("/sign-in?error=CredentialsSignin");
  await expect(errorNotice(page)).toHaveText("That sign-in did not work. Check what you entered and try again.");
});

test("a failed credentials sign-in reports a fixed code, never an exception's text", async ({ page }) => {
  await page.goto("/sign-in");
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // A token the magic-link schema accepts but that names no link: the provider refuses it.
  const response = await page.request.post("/api/auth/callback/magic-link", {
    form: { token: "x".repeat(43), csrfToken, json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.get("error")).toBe("CredentialsSignin");
});

test("a forged X-Forwarded-For does not reach the audit log, from an action or from next-auth", async ({ page }) => {
  const forged = "6.6.6.6";
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `${forged}, 7.7.7.7`, "X-Real-IP": forged });
  const email = `forger-${Date.now()}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Fern Forger");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const link = await waitForMessage(page.request, email, /(https?:\/\/\S+\/verify-email\?token=\S+)/);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("status")).toHaveText("Your email address is confirmed. You can sign in now.");
  await signIn(page, email);

  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const events = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  // Sign-up goes through a server action, the sign-in after it through next-auth's authorize.
  expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["user.signed_up", "user.email_verified", "user.signed_in"]));
  for (const event of events) {
    expect(event.ip, event.action).not.toBeNull();
    expect(["127.0.0.1", "::1"], event.action).toContain(event.ip);
  }
});
