/**
 * The flow API's applications, from the command line of a machine that reaches the database (the
 * operator's, never an HTTP endpoint: whoever can create keys can reach every provisioned user).
 *
 *   npm run app:create -- --name "Shop" [--rate-limit 600]   prints the client id and the key, once
 *   npm run app:revoke -- --id <clientId>                     the key stops working at once
 *   npm run app:list                                          every application, without keys
 *
 * Same database as the app: DATABASE_URL, from the environment or .env, as the Prisma CLI reads it.
 */
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/database/create-client";
import { createApplication } from "../lib/applications/create-application";
import { revokeApplication } from "../lib/applications/revoke-application";
import { listApplications } from "../lib/applications/list-applications";
import { CLIENT_ID_PATTERN } from "../lib/applications/application-secret";

try {
  process.loadEnvFile(".env");
} catch {
  // No .env: the defaults apply.
}

const USAGE = `usage:
  npm run app:create -- --name "Shop" [--rate-limit <requests per minute>]
  npm run app:revoke -- --id <clientId>
  npm run app:list`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  let args;
  try {
    args = parseArgs({ args: rest, options: { name: { type: "string" }, id: { type: "string" }, "rate-limit": { type: "string" } }, strict: true });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values } = args;
  const db = createPrismaClient();
  try {
    switch (command) {
      case "create": {
        if (!values.name) fail("--name is required.");
        const limitText = values["rate-limit"];
        if (limitText !== undefined && !/^\d+$/.test(limitText)) fail("--rate-limit must be a whole number of requests per minute.");
        let created;
        try {
          created = await createApplication({ db, name: values.name, rateLimitPerMinute: limitText === undefined ? null : Number(limitText) });
        } catch (error) {
          if (error instanceof RangeError) fail(error.message);
          throw error;
        }
        console.log(
          [
            `Created application "${created.name}".`,
            "",
            `  client id: ${created.clientId}`,
            `  secret:    ${created.secret}`,
            `  limit:     ${created.rateLimitPerMinute === null ? "the installation's default (API_RATE_LIMIT_PER_MINUTE)" : `${created.rateLimitPerMinute} requests per minute`}`,
            "",
            "The secret is shown only this once: store it in the application's secret store now.",
            "Send it as `Authorization: Bearer <secret>`. Revoke it with: npm run app:revoke -- --id " + created.clientId,
          ].join("\n"),
        );
        break;
      }
      case "revoke": {
        if (!values.id) fail("--id <clientId> is required.");
        if (!CLIENT_ID_PATTERN.test(values.id)) fail(`"${values.id}" is not a client id (app_ and 22 letters and digits).`);
        const result = await revokeApplication({ db, clientId: values.id });
        if (result.status === "not-found") {
          console.error(`No application has the client id ${values.id}.`);
          process.exitCode = 1;
        } else if (result.status === "already-revoked") {
          console.log(`"${result.name}" (${values.id}) was already revoked on ${result.revokedAt.toISOString()}.`);
        } else {
          console.log(`Revoked "${result.name}" (${values.id}). Its secret no longer works.`);
        }
        break;
      }
      case "list": {
        const applications = await listApplications({ db });
        if (applications.length === 0) console.log("No applications yet. Create one with: npm run app:create -- --name \"Shop\"");
        for (const a of applications) {
          const state = a.revokedAt ? `revoked ${a.revokedAt.toISOString()}` : "active";
          const used = a.lastUsedAt ? `last used ${a.lastUsedAt.toISOString()}` : "never used";
          console.log(`${a.clientId}  ${a.name}  (${state}; ${used}; created ${a.createdAt.toISOString()}; ${a.rateLimitPerMinute ?? "default"}/min)`);
        }
        break;
      }
      default:
        fail(command ? `Unknown command "${command}".` : "Name a command.");
    }
  } finally {
    await db.$disconnect();
  }
}

await main();
