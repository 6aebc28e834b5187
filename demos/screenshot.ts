import type { Page } from "@playwright/test";

/**
 * Writes docs/screenshots/<name>.png, which the README shows. Called once the page shows what the
 * picture is about (the caller waited for its heading), so a picture never catches a half-drawn page.
 */
export async function screenshot(page: Page, name: string) {
  // A caret blinking in a field and a hover state would make every run's picture differ.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, caret: "hide", animations: "disabled", scale: "css" });
}
