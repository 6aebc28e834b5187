import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, seedUser } from "./fixtures/users";
import { readOutbox } from "./fixtures/outbox";

/**
 * The portal speaks the person's language (issue 14): their browser's Accept-Language, or what they
 * chose on the account page, which this browser keeps. Passcodes sent to them are in it too.
 */
test.use({ locale: "fr-FR" });

/** The answer to a form takes the focus (components/ui/focused-notice.tsx), so it is read out first. */
const focusedNotice = (page: Page) => page.locator(":focus");

/** The sign-in page's two steps, as a French browser reads them. */
async function enterPasswordInFrench(page: Page, email: string, returnTo = "/account") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Continuer", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Saisissez votre mot de passe" })).toBeVisible();
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
}

test("a French browser reads French, gets its sign-in code in French, and may choose English instead", async ({ page }) => {
  const phone = `+1202555${String(Date.now()).slice(-4)}`;
  const user = await seedUser({ devices: [{ type: "SMS", nickname: "Mon téléphone", target: phone, isDefault: true }] });
  await enterPasswordInFrench(page, user.email);
  await page.waitForURL(/\/sign-in\/verify/);
  // The second step is in French too, from its heading to its buttons.
  await expect(page.getByRole("heading", { name: /^(Confirmez votre identité|Saisissez votre code)$/ })).toBeVisible();
  const code = page.getByLabel("Code", { exact: true });
  const choices = page.getByRole("list", { name: "Vos appareils" });
  await expect(choices.or(code)).toBeVisible();
  if (await choices.isVisible()) await choices.getByRole("button").first().click();
  await expect(code).toBeEnabled();

  let sms = "";
  await expect.poll(async () => (sms = (await readOutbox(page.request, phone))[0]?.body ?? "")).toMatch(/est votre code/);
  expect(sms).toMatch(/^\d{6} est votre code Acme pour vous connecter\. Il expire dans \d+ minutes?\./);
  expect(sms).toContain("Ne le communiquez à personne");
  await code.fill(/^(\d{6})/.exec(sms)![1]!);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const nav = page.getByRole("navigation", { name: "Compte" });
  await expect(nav.getByRole("link", { name: "Appareils" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  // English, chosen here: the page answers in it, and the choice outlives a reload.
  const language = page.getByRole("region", { name: "Langue" });
  await language.getByLabel("Langue").selectOption("en");
  await language.getByRole("button", { name: "Enregistrer la langue" }).click();
  await expect(focusedNotice(page)).toHaveText("Language saved.");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Devices" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("region", { name: "Language" }).getByLabel("Language")).toHaveValue("en");

  // Back to the browser's own language.
  await page.getByRole("region", { name: "Language" }).getByLabel("Language").selectOption("");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(focusedNotice(page)).toHaveText("Langue enregistrée.");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("a language we do not speak is refused with a message, and nothing changes", async ({ page }) => {
  const user = await seedUser({ mfaEnabled: false });
  await enterPasswordInFrench(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  const language = page.getByRole("region", { name: "Langue" });
  await expect(language.getByRole("button", { name: "Enregistrer la langue" })).toBeEnabled();
  // A tampered form: the option's value changed in the page before sending.
  await language.getByLabel("Langue").evaluate((select: HTMLSelectElement) => {
    select.options[1]!.value = "xx";
    select.selectedIndex = 1;
  });
  await language.getByRole("button", { name: "Enregistrer la langue" }).click();
  await expect(focusedNotice(page)).toHaveText("Choisissez une des langues de la liste.");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
