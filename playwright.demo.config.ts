import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

/**
 * `npm run demo`: the walkthroughs in demos/ against the same production build and seeded database as
 * the end-to-end tests. Each walks a flow as a person would (asserting every step, like a test) and
 * writes the screenshots the README shows into docs/screenshots, so those never go stale.
 */
export default defineConfig({
  ...e2e,
  testDir: "demos",
  testMatch: "**/*.demo.ts",
  testIgnore: [],
  // Screenshots are of a laptop screen, in the light scheme the README is usually read in.
  use: { ...e2e.use, viewport: { width: 1200, height: 800 }, colorScheme: "light" },
  timeout: 120_000,
});
