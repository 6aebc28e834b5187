import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { holdWriteLock } from "./fixtures/server-process";
import { errorNotice } from "./fixtures/ui";
import { fillSignIn as fillBothSteps, seedUser, signInButton } from "./fixtures/users";

// Another process (a backup, the seed, `sqlite3`) holding SQLite's write lock must make sign-in wait,
// not fail, and never be reported as a wrong password. The server's busy timeout is 3 s here
// (playwright.config.ts), so a 2 s lock is waited for and a 5 s one is not.

async function fillSignIn(page: Page, email: string) {
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await fillBothSteps(page, email);
}

test("while another process holds the write lock for 2 seconds, password sign-in waits, then works, and works again afterwards", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false, name: "Lock Waiter" });
  await fillSignIn(page, user.email);

  const lock = await holdWriteLock(2000);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/, { timeout: 15_000 });
  const signedInAt = Date.now();
  await expect(page.getByRole("heading", { name: "Hello, Lock Waiter" })).toBeVisible();
  await expect(errorNotice(page)).toHaveCount(0);
  // The session row can only be written once the other process lets go: the sign-in waited for it.
  expect(signedInAt).toBeGreaterThanOrEqual(await lock.released);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "user.sign_in_failed" } })).toBe(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await fillSignIn(page, user.email);
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(errorNotice(page)).toHaveCount(0);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
});

test("a lock held past the busy timeout is answered 'busy, try again', not 'wrong password', and the next try works", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false, name: "Busy Tryer" });
  await fillSignIn(page, user.email);

  const lock = await holdWriteLock(5000);
  await signInButton(page).click();
  await expect(errorNotice(page)).toHaveText("The service is busy and could not check your sign-in. Nothing was changed; please try again.", {
    timeout: 15_000,
  });
  await expect(page.getByText("do not match an account")).toHaveCount(0);
  await lock.released;
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

  // The server recovers by itself: the same form, submitted again, signs in.
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Busy Tryer" })).toBeVisible();
});
