import { expect, test } from "@playwright/test";
import { db } from "./fixtures/db";
import { storedPolicy } from "./fixtures/policy";
import { seedStaff, signInWithTotp } from "./fixtures/staff";
import { errorNotice } from "./fixtures/ui";
import { seedUser } from "./fixtures/users";

/**
 * The admin console speaks the administrator's language (issue 14): a French browser reads the
 * console's navigation, the users list, a user's page with an action's confirmation and answer, the
 * policy page with a refused value, and the audit log's filters in French.
 */
test.use({ locale: "fr-FR" });
// Several pages and changes in one walk: more than the suite's usual test.
test.describe.configure({ timeout: 120_000 });

test("an administrator with a French browser runs the console in French", async ({ page }) => {
  const admin = await seedStaff("ADMIN");
  const amy = await seedUser({ name: "Amy Client", devices: [{ type: "TOTP", nickname: "Téléphone d'Amy", isDefault: true }] });
  await signInWithTotp(page, admin, "/admin/users");

  // The frame: its navigation, the role's badge.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const nav = page.getByRole("navigation", { name: "Console d'administration" });
  for (const name of ["Vue d'ensemble", "Utilisateurs", "Règles", "Image de marque", "Applications", "Journal d'audit", "Votre compte"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.locator(".admin-header .badge")).toHaveText("Administrateur");

  // The users list: the search form, the table's columns and values.
  await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
  await page.getByLabel("Rechercher des utilisateurs").fill(amy.email);
  await expect(page.getByLabel("Trier par")).toBeVisible();
  await page.getByRole("button", { name: "Rechercher" }).click();
  const row = page.getByRole("row", { name: new RegExp(amy.email) });
  await expect(row).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: "Validation en deux étapes" })).toBeVisible();
  await expect(row.getByRole("cell").nth(2)).toHaveText("Activée");
  await row.getByRole("link", { name: amy.email }).click();

  // A user's page: its sections, and blocking a device, asked first and answered in French.
  await expect(page.getByRole("heading", { level: 1, name: amy.email })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Validation en deux étapes\u00a0: activée" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Activité récente" })).toBeVisible();
  const device = `Application d'authentification «\u00a0Téléphone d'Amy\u00a0»`;
  const actions = page.getByRole("group", { name: `Actions pour ${device}` });
  await actions.getByRole("button", { name: "Bloquer", exact: true }).click();
  const panel = page.getByRole("region", { name: "Confirmer la modification" });
  await expect(panel).toBeFocused();
  await expect(panel).toContainText(`Bloquer ${device} de ${amy.email}\u00a0? Il cesse aussitôt de fonctionner`);
  await panel.getByRole("button", { name: "Oui, le bloquer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Appareil bloqué. Il échouera à sa prochaine utilisation." })).toBeVisible();
  expect((await db.device.findFirstOrThrow({ where: { userId: amy.id } })).status).toBe("BLOCKED");

  // Locking it until a time already past is refused, field by field, in French; nothing changes.
  await actions.getByRole("button", { name: "Verrouiller", exact: true }).click();
  const until = panel.getByLabel("Verrouillé jusqu'au (UTC)");
  await until.fill("2020-01-01T09:30");
  await panel.getByRole("button", { name: "Oui, le verrouiller" }).click();
  await expect(until).toHaveAccessibleDescription("Choisissez une heure dans le futur.");
  await expect(errorNotice(page)).toHaveText("Choisissez une heure dans le futur.");
  await panel.getByRole("button", { name: "Annuler" }).click();
  expect((await db.device.findFirstOrThrow({ where: { userId: amy.id } })).lockedUntil).toBeNull();

  // The policy: a value beyond its limit is refused in French, and nothing is saved.
  const policy = await storedPolicy();
  await nav.getByRole("link", { name: "Règles", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Règles d'authentification des appareils" })).toBeVisible();
  const form = page.getByRole("form", { name: "Règles par défaut" });
  await expect(form.getByRole("heading", { name: "Codes à usage unique" })).toBeVisible();
  const length = form.getByLabel("Longueur du code");
  await length.fill("11");
  await form.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const review = form.getByRole("group", { name: "Enregistrer ces modifications\u00a0?" });
  await expect(review).toBeFocused();
  await expect(review).toContainText(/Longueur du code\u00a0: \d+ chiffres → 11 chiffres/);
  await review.getByRole("button", { name: "Enregistrer les règles" }).click();
  await expect(errorNotice(page)).toHaveText("Veuillez corriger les champs signalés.");
  await expect(length).toHaveAccessibleDescription(/Longueur du code\u00a0: au plus 10 chiffres\./);
  expect(await storedPolicy()).toEqual(policy);

  // The audit log: its filters, an action chosen by its French label, and the row it finds.
  await nav.getByRole("link", { name: "Journal d'audit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Journal d'audit" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filtrer le journal d'audit" });
  await filters.getByLabel("Utilisateur").fill(amy.email);
  await filters.getByLabel("Action").selectOption({ label: "Appareil bloqué" });
  await expect(filters.getByLabel("Du (jour UTC)")).toBeVisible();
  await filters.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 événement affiché, du plus récent au plus ancien." })).toBeVisible();
  const events = page.getByRole("region", { name: "Événements d'audit" });
  await expect(events.getByRole("row", { name: /Appareil bloqué/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Exporter en CSV" })).toBeVisible();

  // A filter that is not valid is explained in French.
  await page.goto("/admin/audit?from=2026-02-30");
  await expect(errorNotice(page)).toContainText("Saisissez la première date au format AAAA-MM-JJ.");
});
