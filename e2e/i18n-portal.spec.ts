import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { plantBrowserKey } from "./fixtures/device-keys";
import { errorNotice } from "./fixtures/ui";
import { seedUser, signIn } from "./fixtures/users";

/**
 * The portal's own pages in French (issue 14): the account overview, "Your sessions" with a sign-out
 * confirmed and refused in French, "Your browsers" with a change and its notice, and the widget on the
 * demo host. The browser asks for French; the sign-in itself is done in English (another area's words,
 * and the passcode the fixture reads), then the pages are read as the French browser gets them.
 */
test.use({ locale: "fr-FR" });

// Each test signs in one or two browsers with real second factors.
test.describe.configure({ timeout: 120_000 });

const mailbox = () => `mail-${randomBytes(8).toString("hex")}@example.test`;

/** Signs in through the English pages, then asks for French again, as the browser's own setting does. */
async function signInThenFrench(page: Page, email: string, returnTo: string) {
  await page.setExtraHTTPHeaders({ "Accept-Language": "en" });
  await signIn(page, email, returnTo);
  await page.setExtraHTTPHeaders({ "Accept-Language": "fr-FR,fr;q=0.9" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}

test("the account overview and Your sessions speak French; a sign-out is confirmed, answered and refused in French", async ({ page, browser }) => {
  const user = await seedUser({ name: "Amélie Poulain", devices: [{ type: "EMAIL", nickname: "Courriel", target: mailbox(), isDefault: true }] });
  const other = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInThenFrench(other, user.email, "/account");
  await signInThenFrench(page, user.email, "/account");

  await expect(page.getByRole("heading", { name: "Bonjour, Amélie Poulain" })).toBeVisible();
  const security = page.getByRole("region", { name: "Validation en deux étapes" });
  await expect(security).toContainText("Activée · 1 appareil actif");
  await expect(security.getByRole("link", { name: "Gérer les appareils" })).toHaveAttribute("href", "/devices");
  const activity = page.getByRole("region", { name: "Activité de sécurité récente" });
  for (const column of ["Quoi", "Quand", "Depuis"]) await expect(activity.getByRole("columnheader", { name: column })).toBeVisible();
  await expect(page).toHaveTitle(/^Votre compte/);

  await page.getByRole("navigation", { name: "Compte" }).getByRole("link", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { name: "Vos sessions" })).toBeVisible();
  const list = page.getByRole("list", { name: "Sessions connectées" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  const mine = list.getByRole("listitem", { name: "Chrome sur Windows, ce navigateur" });
  await expect(mine.getByText("Ce navigateur", { exact: true })).toBeVisible();
  await expect(mine).toContainText("Dernière activité");
  await expect(mine).toContainText("Maintenant");
  const theirs = list.getByRole("listitem", { name: "Chrome sur Windows", exact: true });

  // Asked first, in French; Annuler is the shared panel's, so only the confirmation is checked here.
  await theirs.getByRole("button", { name: "Déconnecter Chrome sur Windows" }).click();
  const confirm = page.getByRole("group", { name: "Confirmer\u00a0: déconnecter Chrome sur Windows" });
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText("Chrome sur Windows sera déconnecté aussitôt. Quiconque l'utilise devra se reconnecter, avec le mot de passe et la deuxième étape.");
  await confirm.getByRole("button", { name: "Oui, la déconnecter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Chrome sur Windows est déconnecté." })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("Ce navigateur est le seul endroit où votre compte est connecté.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Déconnecter toutes les autres sessions" })).toBeDisabled();

  // Signed in again elsewhere, then ended behind this page's back: the page's sign-out is refused, in French.
  await other.context().clearCookies();
  await signInThenFrench(other, user.email, "/account");
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await list.getByRole("listitem", { name: "Chrome sur Windows", exact: true }).getByRole("button", { name: "Déconnecter Chrome sur Windows" }).click();
  const current = await db.session.findMany({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" }, take: 1 });
  await db.session.updateMany({ where: { familyId: current[0]!.familyId }, data: { revokedAt: new Date() } });
  await page.getByRole("button", { name: "Oui, la déconnecter" }).click();
  await expect(errorNotice(page)).toHaveText("Cette session a déjà pris fin.");
  await other.context().close();
});

test("Your browsers speaks French: the list, a change confirmed, and its notice", async ({ page }) => {
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Courriel", target: mailbox(), isDefault: true }] });
  await signInThenFrench(page, user.email, "/browsers");
  await expect(page.getByRole("heading", { name: "Vos navigateurs" })).toBeVisible();
  await expect(page.getByText("Aucun navigateur n'est enregistré sur votre compte.")).toBeVisible();

  await plantBrowserKey(page, user.id, { displayName: "Ce portable", rememberedUntil: new Date(Date.now() + 20 * 86_400_000), lastSeenIp: "203.0.113.10" });
  await plantBrowserKey(page, user.id, { keep: false, displayName: "Safari on iOS", status: "BLOCKED", seenMinutesAgo: 60 });
  await page.reload();
  const list = page.getByRole("list", { name: "Navigateurs enregistrés" });
  const laptop = list.getByRole("listitem", { name: "Ce portable" });
  await expect(laptop.getByText("Ce navigateur", { exact: true })).toBeVisible();
  await expect(laptop).toContainText("Mémorisé jusqu'au");
  await expect(laptop).toContainText("depuis 203.0.113.10");
  await expect(laptop.getByText("Actif", { exact: true })).toBeVisible();
  const phone = list.getByRole("listitem", { name: "Safari on iOS" });
  await expect(phone).toContainText("Non mémorisé");
  await expect(phone).toContainText("adresse inconnue");
  await expect(phone.getByText("Bloqué", { exact: true })).toBeVisible();

  // Rename: the form, a refused name (the field's own check), then the notice.
  await laptop.getByRole("button", { name: "Renommer Ce portable" }).click();
  const name = page.getByLabel("Nom du navigateur");
  await name.fill("Mon portable");
  await page.getByRole("button", { name: "Enregistrer le nom" }).click();
  await expect(page.getByRole("status")).toHaveText("Renommé en «\u00a0Mon portable\u00a0».");

  // Unblock, confirmed in French (this sign-in is fresh, so no step-up).
  await phone.getByRole("button", { name: "Débloquer Safari on iOS" }).click();
  const confirm = page.getByRole("group", { name: "Confirmer\u00a0: débloquer Safari on iOS" });
  await expect(confirm).toContainText("«\u00a0Safari on iOS\u00a0» sera de nouveau reconnu.");
  await confirm.getByRole("button", { name: "Oui, le débloquer" }).click();
  await expect(page.getByRole("status")).toHaveText("«\u00a0Safari on iOS\u00a0» est débloqué.");
  await expect(phone.getByText("Actif", { exact: true })).toBeVisible();
});

test("the widget on the demo host speaks French, and so does a page that may not be embedded", async ({ page }) => {
  const user = await seedUser({ devices: [{ type: "EMAIL", nickname: "Courriel", target: mailbox(), isDefault: true }] });
  await signInThenFrench(page, user.email, "/account");
  await page.goto("/demo/widget");
  await expect(page.getByRole("heading", { name: "Résultat reçu par la page hôte" })).toBeVisible();
  await expect(page.getByTestId("widget-result")).toHaveText("(pas encore de résultat)");
  const widget = page.frameLocator('iframe[title="Manage your sign-in devices"]');
  await expect(widget.locator("html")).toHaveAttribute("lang", "fr");
  await expect(widget.locator("[data-flow-id]")).toBeVisible();
  // The device list's words are another area's: its Done button is found by the event it sends.
  await widget.locator('button[name="type"][value="DONE"]').click();
  await expect(widget.getByText("Terminé. Vous pouvez fermer cette fenêtre.")).toBeVisible();
  await expect(page.getByTestId("widget-outcome")).toHaveText("success");
  await expect(page.getByText(/^Issue\s:\s/)).toBeVisible();

  await page.goto("/widget/device-management?parentOrigin=https%3A%2F%2Fevil.example");
  await expect(errorNotice(page)).toHaveText("Cette page ne peut pas être intégrée ici. Demandez au propriétaire du site d'autoriser son origine.");
});
