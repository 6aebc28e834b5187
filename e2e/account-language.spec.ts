import { expect, test } from "@playwright/test";
import { enterPassword, seedUser } from "./fixtures/users";

/**
 * The language chosen on the account page is the account's, not only this browser's (issue 14): a
 * sign-in from another browser, whose own list says English, is in it from the start.
 */
test("a language chosen on one browser follows the person to the next one they sign in on", async ({ page, browser }) => {
  const user = await seedUser({ mfaEnabled: false });
  await enterPassword(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  const language = page.getByRole("region", { name: "Language" });
  await language.getByLabel("Language").selectOption("fr");
  await language.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("region", { name: "Langue" }).getByLabel("Langue")).toHaveValue("fr");

  const other = await browser.newContext({ locale: "en-US" });
  try {
    const elsewhere = await other.newPage();
    await enterPassword(elsewhere, user.email);
    await expect(elsewhere).toHaveURL(/\/account$/);
    await expect(elsewhere.locator("html")).toHaveAttribute("lang", "fr");
    await expect(elsewhere.getByRole("navigation", { name: "Compte" }).getByRole("link", { name: "Appareils" })).toBeVisible();

    // Following the browser again, saved there, is the account's choice too: the first browser keeps
    // its cookie, but a third sign-in reads English.
    const here = elsewhere.getByRole("region", { name: "Langue" });
    await here.getByLabel("Langue").selectOption("");
    await here.getByRole("button", { name: "Enregistrer la langue" }).click();
    await expect(elsewhere.locator("html")).toHaveAttribute("lang", "en");
  } finally {
    await other.close();
  }
  const third = await browser.newContext({ locale: "en-US" });
  try {
    const page3 = await third.newPage();
    await enterPassword(page3, user.email);
    await expect(page3).toHaveURL(/\/account$/);
    await expect(page3.locator("html")).toHaveAttribute("lang", "en");
  } finally {
    await third.close();
  }
});
