import { expect, test, type Page } from "@playwright/test";
import { errorNotice } from "./fixtures/ui";
import { readOutbox } from "./fixtures/outbox";
import { PASSWORD, seedUser } from "./fixtures/users";

/**
 * Sign-in in French (issue 14): a browser that asks for French reads the identifier step, the
 * password step, the second step and the forgotten-password page in French, and the refusals the
 * server words (a wrong password, a wrong code) come in French too.
 */
test.use({ locale: "fr-FR" });

const phone = () => `+1202555${String(Date.now()).slice(-4)}`;

/** The identifier step, in French: the email alone, then Continuer. */
async function enterEmailInFrench(page: Page, email: string) {
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Continuer", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Saisissez votre mot de passe" })).toBeVisible();
}

test("the sign-in page, a wrong password, the second step and a wrong code, in French", async ({ page }) => {
  const number = phone();
  const user = await seedUser({
    devices: [
      { type: "SMS", nickname: "Mon téléphone", target: number, isDefault: true },
      { type: "EMAIL", nickname: "Ma boîte", target: `box-${Date.now()}@example.test` },
    ],
  });

  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await expect(page).toHaveTitle(/Connexion/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page.getByText("à votre compte Acme")).toBeVisible();
  await expect(page.getByRole("button", { name: "Se connecter avec une clé d'accès" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Créer un compte" })).toHaveAttribute("href", "/sign-up");

  await enterEmailInFrench(page, user.email);
  await expect(page.getByText(`pour ${user.email}`)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Afficher le mot de passe" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Mot de passe oublié\s\?$/ })).toHaveAttribute("href", "/forgot-password");
  await expect(page.getByRole("button", { name: "M'envoyer un lien de connexion" })).toBeVisible();

  // A wrong password: the refusal, worded by the sign-in code, reads in French.
  const password = page.getByLabel("Mot de passe", { exact: true });
  await password.fill(`${PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(errorNotice(page)).toHaveText(
    "Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte. Vérifiez-les et réessayez.",
  );

  await password.fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify/);

  // The second step: the device choice, its badges and ways out, and the remember box.
  await expect(page).toHaveTitle(/Confirmez votre identité/);
  await expect(page.getByRole("heading", { name: "Confirmez votre identité" })).toBeVisible();
  await expect(page.getByText("Choisissez comment confirmer votre connexion.")).toBeVisible();
  const devices = page.getByRole("list", { name: "Vos appareils" });
  await expect(devices.getByRole("button", { name: /Mon téléphone.*Par défaut.*SMS/ })).toBeVisible();
  await expect(devices).toContainText("E-mail");
  await expect(page.getByRole("button", { name: "M'envoyer un lien de connexion" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Mémoriser ce navigateur pendant \d+ jours$/ })).toBeVisible();

  await devices.getByRole("button", { name: /Mon téléphone/ }).click();
  await expect(page.getByRole("heading", { name: "Saisissez votre code" })).toBeVisible();
  await expect(page.getByText(`Nous avons envoyé un code par SMS au +1 ••• ••• •• ${number.slice(-2)}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoyer un nouveau code" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Utiliser un autre appareil" })).toBeVisible();

  let sms = "";
  await expect.poll(async () => (sms = (await readOutbox(page.request, number))[0]?.body ?? "")).toMatch(/^\d{6} est votre code/);
  const right = /^(\d{6})/.exec(sms)![1]!;
  const wrong = right === "000000" ? "111111" : "000000";

  // A wrong code: the flow's refusal reaches the page in French.
  const code = page.getByLabel("Code", { exact: true });
  await code.fill(wrong);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText(/^Ce code n'est pas le bon\./).first()).toBeVisible();

  await code.fill(right);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("the forgotten-password page and its answer, in French", async ({ page }) => {
  await page.goto("/sign-in");
  await enterEmailInFrench(page, `nobody-${Date.now()}@example.test`);
  await page.getByRole("link", { name: /^Mot de passe oublié\s\?$/ }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page).toHaveTitle(/Mot de passe oublié/);
  await expect(page.getByRole("heading", { name: /^Mot de passe oublié\s\?$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Retour à la connexion" })).toHaveAttribute("href", "/sign-in");

  const form = page.getByRole("form", { name: "Réinitialiser votre mot de passe" });
  await form.getByLabel("E-mail", { exact: true }).fill(`nobody-${Date.now()}@example.test`);
  await form.getByRole("button", { name: "M'envoyer un lien de réinitialisation" }).click();
  await expect(page.locator(":focus")).toHaveText(
    "Si un compte existe pour cette adresse, un lien pour réinitialiser son mot de passe est en route. Il ne sert qu'une fois, pendant peu de temps.",
  );
});
