import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { errorNotice } from "./fixtures/ui";
import { enterEmail, PASSWORD, seedUser, signInButton } from "./fixtures/users";
import { db } from "./fixtures/db";

// 22 password checks (argon2, by design slow) and two pages: on a busy machine more than the default 45 s.
test.describe.configure({ timeout: 90_000 });

const MISMATCH = "That email and password do not match an account. Check them and try again.";

// A refused password keeps the password step open for the same email, as a person retries there.
async function submit(page: Page, password: string) {
  await page.getByLabel("Password", { exact: true }).fill(password);
  await signInButton(page).click();
  // The button reads "Signing in…" until the answer is in.
  await expect(signInButton(page)).toBeEnabled();
}

test("after 10 wrong passwords the sign-in form says how long to wait, the same for an unknown email, and refuses even the right password", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  const ghost = `ghost-${randomUUID().slice(0, 8)}@example.test`;
  for (const email of [user.email, ghost]) {
    await page.goto("/sign-in");
    await enterEmail(page, email);
    for (let i = 0; i < 10; i++) {
      await submit(page, `wrong-password-${i}`);
      await expect(errorNotice(page)).toHaveText(MISMATCH);
    }
    await submit(page, email === user.email ? PASSWORD : "wrong-password-10");
    // The 30 s count from the tenth failure; on a busy machine the next try comes a few seconds later.
    await expect(errorNotice(page)).toHaveText(/^Too many failed sign-ins for this email\. Wait (30|2\d) seconds, then try again\.$/);
    await expect(errorNotice(page).locator("xpath=..")).toBeFocused();
  }
  // The waiting attempt with the right password opened no session.
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});
