import { defineConfig, devices } from "@playwright/test";
import { serverEnvironment } from "./e2e/fixtures/server-env";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

/**
 * E2E_DATABASE=sqlite (the default): one instance on an SQLite file.
 * E2E_DATABASE=postgresql: two instances on one PostgreSQL database behind a balancer that alternates
 * requests between them (scripts/e2e-balancer.mjs), so every test also proves that nothing depends on
 * living in one process. The tests about SQLite's own file (its write lock, its handles) run on SQLite.
 */
const postgresql = process.env.E2E_DATABASE === "postgresql";
const instancePorts = [port + 1, port + 2];

// The test process reads and seeds the same database the server uses (e2e/fixtures/db.ts).
process.env.DATABASE_URL = postgresql
  ? `${process.env.TEST_POSTGRESQL_URL ?? "postgresql://mfa:mfa@localhost:5432"}/mfa_e2e${process.env.TEST_DATABASE_SUFFIX ?? ""}`
  : "file:./prisma/e2e.db";

const serverEnv = serverEnvironment(baseURL);

const server = (env: Record<string, string>, url: string) => ({
  command: "bash scripts/e2e-server.sh",
  url,
  // A production build, which on a machine busy with other builds can take several minutes
  // (E2E_SERVER_TIMEOUT_MS to change it).
  timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 900_000),
  reuseExistingServer: false,
  env: { ...serverEnv, ...env },
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // One worker: some tests hold the database's write lock or count the server's open files, which
  // would make other tests running at the same time wait or miscount.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot reach its host from these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  testIgnore: postgresql ? ["**/database-resilience.spec.ts", "**/database-handles.spec.ts"] : ["**/several-instances.spec.ts"],
  webServer: postgresql
    ? [
        // Started one after another: the first migrates, seeds and builds; the second uses its build.
        server({ E2E_PORT: String(instancePorts[0]) }, `http://localhost:${instancePorts[0]}/sign-in`),
        server({ E2E_PORT: String(instancePorts[1]), E2E_SECOND_INSTANCE: "1" }, `http://localhost:${instancePorts[1]}/sign-in`),
        {
          command: "node scripts/e2e-balancer.mjs",
          url: `${baseURL}/__balancer`,
          reuseExistingServer: false,
          env: { BALANCER_PORT: String(port), BALANCER_UPSTREAMS: instancePorts.map((p, i) => `${"ab"[i]}=http://127.0.0.1:${p}`).join(",") },
        },
      ]
    : server({ E2E_PORT: String(port) }, `${baseURL}/sign-in`),
});
