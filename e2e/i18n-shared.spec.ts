import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { readOutbox } from "./fixtures/outbox";
import { enterPassword, seedUser, signIn } from "./fixtures/users";

/**
 * What every page shares, the emails and the phone app, in French (issue 14): the 404 page, a
 * confirmation's Cancel, an account-change email read from the outbox, and the authenticator on a
 * French phone pairing and answering a sign-in. The portal's own words belong to other specs, so
 * this one finds the portal's controls by what does not change with the language where it can.
 */
test.describe("a French browser", () => {
  test.use({ locale: "fr-FR" });

  test("the 404 page is in French, with its title", async ({ page }) => {
    const response = await page.goto("/no-such-page-here");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: "Page introuvable", level: 1 })).toBeFocused();
    await expect(page.getByText("Cette page n'existe pas, ou vous n'avez pas le droit de la voir.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Aller à votre compte" })).toBeVisible();
    await expect(page).toHaveTitle(/^Introuvable · /);
    await expect(page.getByRole("link", { name: /^Accueil / })).toBeVisible();
  });

  test("a confirmation's Cancel is in French, and the account-change email it leads to is too", async ({ page, browser }) => {
    const user = await seedUser({ mfaEnabled: false });
    // Another session of the same account, in an English browser.
    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US" });
    await signIn(await other.newPage(), user.email);
    await signIn(page, user.email, "/sessions");

    const signOutOthers = page.locator("#session-sign-out-others");
    await expect(signOutOthers).toBeEnabled();
    await signOutOthers.click();
    const panel = page.locator(".focus-panel[role=group]");
    const cancel = panel.getByRole("button", { name: "Annuler", exact: true });
    await expect(cancel).toBeVisible();
    await cancel.click();
    await expect(panel).toHaveCount(0);
    await expect(signOutOthers).toBeFocused();

    await signOutOthers.click();
    await panel.locator("button.btn-danger").click();
    let mail = { subject: "", body: "" };
    await expect
      .poll(async () => {
        const found = (await readOutbox(page.request, user.email)).find((m) => m.subject?.includes("autres sessions"));
        if (found) mail = { subject: found.subject!, body: found.body };
        return Boolean(found);
      })
      .toBe(true);
    expect(mail.subject).toMatch(/^.+\u00a0: toutes vos autres sessions ont été déconnectées depuis la page de votre compte$/);
    expect(mail.body).toMatch(/^Toutes vos autres sessions ont été déconnectées depuis la page de votre compte\.\nQuand\u00a0: /);
    expect(mail.body).toContain("Si c'était vous, vous n'avez rien à faire.");
    await other.close();
  });
});

const { defaultBrowserType: _chromium, ...pixel } = devices["Pixel 7"];

/** A French phone: a second browser context with a phone's screen, running the app at /authenticator. */
async function openFrenchPhone(browser: Browser) {
  const context = await browser.newContext({ ...pixel, locale: "fr-FR", baseURL: test.info().project.use.baseURL });
  const phone = await context.newPage();
  await phone.goto("/authenticator");
  await expect(phone.getByRole("heading", { name: "Authenticator", level: 1 })).toBeVisible();
  await expect(phone.getByText("Aucun compte pour l'instant.", { exact: false })).toBeVisible();
  return phone;
}

/** The number the (English) sign-in page asks the person to choose on the phone. */
async function numberToChoose(page: Page) {
  const status = await page.getByRole("status").filter({ hasText: /and choose \d+\.$/ }).textContent();
  return Number(/choose (\d+)\.$/.exec(status!)![1]);
}

async function signInWithPhone(page: Page, email: string) {
  await enterPassword(page, email);
  await page.getByRole("list", { name: "Your devices" }).getByRole("button", { name: /Mobile app/ }).click();
  return numberToChoose(page);
}

test("the phone app in French: pairing, a wrong key and a wrong number refused in French, then a sign-in approved", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Work email", target: `i18n-phone-${Date.now()}@example.org`, isDefault: true }] });
  await signIn(page, user.email, "/devices");
  const phone = await openFrenchPhone(browser);

  await phone.getByRole("link", { name: "Associer un nouveau compte" }).click();
  await expect(phone.getByRole("heading", { name: "Associer un compte", level: 1 })).toBeVisible();
  // The app's own check, then the server's refusal of a well-formed key that is not the one shown.
  await phone.getByRole("button", { name: "Associer", exact: true }).click();
  await expect(phone.getByLabel("Clé d'association")).toBeFocused();
  await expect(phone.getByText("Saisissez la clé d'association affichée sur la page de connexion.")).toBeVisible();
  await expect(phone.getByText("Saisissez l'adresse e-mail de votre compte.")).toBeVisible();

  await page.getByRole("button", { name: "Add device" }).click();
  await page.getByRole("list", { name: "Kinds of device" }).getByRole("button", { name: /^Mobile app/ }).click();
  const key = (await page.getByLabel("Pairing key").textContent())!;
  expect(key).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  // The same key but its last character: well formed, and not the one shown.
  const wrongKey = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;

  await phone.getByLabel("Clé d'association").fill(wrongKey);
  await phone.getByLabel("Adresse e-mail").fill(user.email);
  await phone.getByRole("button", { name: "Associer", exact: true }).click();
  await expect(phone.getByRole("alert").filter({ hasText: /^Cette clé d'association n'est pas la bonne\./ })).toBeFocused();

  await phone.getByLabel("Clé d'association").fill(key);
  await phone.getByRole("button", { name: "Associer", exact: true }).click();
  await expect(phone.getByRole("status").filter({ hasText: /^Associé à .+\. Ce téléphone approuve désormais ses connexions\.$/ })).toBeFocused();
  await expect(phone.getByText("Code d'accès mobile")).toBeVisible();
  await expect(phone.getByText("Associé", { exact: true })).toBeVisible();
  await expect(phone.getByRole("heading", { name: "Demandes de connexion" })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Activer les notifications" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Your new device is ready to use.");
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);

  // A wrong number: the phone says so in French.
  const question = "Quel nombre voyez-vous sur l'écran de connexion\u00a0?";
  let number = await signInWithPhone(page, user.email);
  let card = phone.getByRole("article", { name: /^Demande de connexion de / });
  await expect(card).toHaveCount(1);
  const numbers = (await card.getByRole("group", { name: question }).getByRole("button").allTextContents()).map(Number);
  expect(numbers).toContain(number);
  await expect(card.getByRole("button", { name: "Refuser" })).toBeVisible();
  await card.getByRole("button", { name: String(numbers.find((n) => n !== number)), exact: true }).click();
  await expect(phone.getByRole("status").filter({ hasText: "Ce n'est pas le nombre affiché sur la page de connexion." })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Sign-in not finished" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The right number: approved, and the sign-in page continues by itself.
  number = await signInWithPhone(page, user.email);
  card = phone.getByRole("article", { name: /^Demande de connexion de / });
  await expect(card).toHaveCount(1);
  await card.getByRole("group", { name: question }).getByRole("button", { name: String(number), exact: true }).click();
  await expect(phone.getByRole("status").filter({ hasText: /^Approuvée\. La connexion à .+ se poursuit sur l'autre écran\.$/ })).toBeFocused();
  await expect(page).toHaveURL(/\/account$/);
  await expect(phone.getByText("Aucune demande de connexion en attente.")).toBeVisible();
  await phone.context().close();
});
