import { expect, test, type Page } from "@playwright/test";
import { db } from "./fixtures/db";
import { seedUser, signIn } from "./fixtures/users";
import { readOutbox } from "./fixtures/outbox";

/**
 * The device pages in French (issue 14): a French browser turns two-step verification on, adds its
 * first device (the choice, the phone number, a wrong code refused, the right one), is shown its
 * recovery codes once, and finds the device list's actions and confirmations in French.
 */
test.use({ locale: "fr-FR" });

/** Signs in (the sign-in pages are another part's: read in English here), then reads the portal in French. */
async function signInThenFrench(page: Page, email: string) {
  await page.setExtraHTTPHeaders({ "Accept-Language": "en" });
  await signIn(page, email, "/devices");
  await page.setExtraHTTPHeaders({ "Accept-Language": "fr-FR,fr;q=0.9" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}

const codeIn = (body: string) => body.replace(/[, ]/g, "").match(/\d{6}/)?.[0];

test("a French browser adds its first device by text message, gets its recovery codes, and manages the device in French", async ({ page, request }) => {
  const user = await seedUser({ mfaEnabled: false });
  await signInThenFrench(page, user.email);

  // Enable MFA, then the choice of devices.
  await expect(page.getByRole("heading", { name: "Activer la validation en deux étapes" })).toBeVisible();
  await page.getByRole("button", { name: "Activer la validation en deux étapes" }).click();
  await expect(page.getByRole("heading", { name: "Ajouter un appareil" })).toBeVisible();
  const kinds = page.getByRole("list", { name: "Types d'appareil" });
  await expect(kinds.getByRole("button", { name: /^Application d'authentification/ })).toBeVisible();
  await expect(kinds.getByText("Nous appelons votre téléphone et lisons un code.")).toBeVisible();
  await kinds.getByRole("button", { name: /^SMS/ }).click();

  // The number: its warning, its labels, and a refusal in French.
  await expect(page.getByRole("heading", { name: "Recevoir les codes par SMS" })).toBeVisible();
  await expect(page.getByText(/moins sûrs que les autres moyens de connexion/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Pays" })).toBeVisible();
  await page.getByLabel("Numéro de téléphone").fill("123");
  await page.getByRole("button", { name: "Envoyer le code" }).click();
  await expect(page.getByText("Saisissez un numéro de téléphone valide pour le pays choisi.")).toBeVisible();
  expect(await db.device.count({ where: { userId: user.id } })).toBe(0);

  const phone = `+1202555${String(Date.now()).slice(-4)}`;
  await page.getByLabel("Numéro de téléphone").fill(phone.slice(2));
  await page.getByRole("button", { name: "Envoyer le code" }).click();
  await expect(page.getByRole("heading", { name: "Saisissez votre code" })).toBeVisible();
  await expect(page.getByText(`Nous avons envoyé un code par SMS au +1 ••• ••• ${phone.slice(-4)}`)).toBeVisible();
  let sms = "";
  await expect.poll(async () => (sms = (await readOutbox(request, phone))[0]?.body ?? "")).toMatch(/\d{6}/);
  const code = codeIn(sms)!;

  // A wrong code is refused in French; the right one adds the device.
  await page.getByLabel("Code", { exact: true }).fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText(/Ce code n'est pas le bon/)).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Vérifier" }).click();

  // The recovery codes, shown this once.
  await expect(page.getByRole("heading", { name: "Enregistrez vos codes de secours" })).toBeVisible();
  await expect(page.getByText(/Votre appareil est prêt\. Si vous le perdez un jour/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Vos codes de secours" }).getByRole("listitem")).toHaveCount(10);
  for (const name of ["Copier", "Télécharger (.txt)", "Imprimer"]) await expect(page.getByRole("button", { name })).toBeVisible();
  await page.getByRole("button", { name: "J'ai enregistré mes codes" }).click();

  // The device list, its summary of recovery codes, and the new device's line.
  await expect(page.getByRole("heading", { name: "Vos appareils" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Votre nouvel appareil est prêt.");
  await expect(page.getByRole("heading", { name: "Codes de secours" })).toBeVisible();
  await expect(page.getByText("10 sur 10 restants")).toBeVisible();
  await expect(page.getByRole("button", { name: "Créer de nouveaux codes" })).toBeVisible();
  const devices = page.getByRole("list", { name: "Appareils" });
  await expect(devices).toContainText("Par défaut");
  await expect(devices).toContainText("Actif");
  await expect(devices).toContainText(/SMS · \+1 .* · ajouté le/);

  // Turning two-step verification off asks first, in French; keeping it changes nothing.
  await page.getByRole("button", { name: "Désactiver la validation en deux étapes" }).click();
  const panel = page.getByRole("group", { name: /^Désactiver la validation en deux étapes/ });
  await expect(panel.getByText("Votre mot de passe suffira pour vous connecter.")).toBeVisible();
  await panel.getByRole("button", { name: "La garder" }).click();
  await expect(panel).toBeHidden();

  // The device's own page: rename it, then the warning before removing the last device.
  await devices.getByRole("button").first().click();
  await page.getByLabel("Nom de l'appareil").fill("Mon téléphone");
  await page.getByRole("button", { name: "Enregistrer le nom" }).click();
  await expect(page.getByRole("status")).toHaveText("Renommé en «\u00a0Mon téléphone\u00a0».");
  await devices.getByRole("button", { name: /^Mon téléphone/ }).click();
  await expect(page.getByRole("heading", { name: "Mon téléphone" })).toBeVisible();
  for (const name of ["Bloquer", "Supprimer", "Retour aux appareils"]) await expect(page.getByRole("button", { name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Supprimer", exact: true }).click();
  await expect(page.getByText("C'est votre dernier appareil actif.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Supprimer et désactiver la validation en deux étapes" })).toBeVisible();
  await page.getByRole("button", { name: "Garder l'appareil" }).click();
  await page.getByRole("button", { name: "Bloquer", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("«\u00a0Mon téléphone\u00a0» est bloqué.");
  await expect(devices).toContainText("Bloqué");
  expect((await db.device.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("BLOCKED");
});
