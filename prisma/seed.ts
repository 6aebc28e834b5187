/**
 * Demo data: users with devices of several types, so the portal has something to show on first run.
 * Idempotent: running it again leaves existing demo users as they are.
 */
import { hash } from "@node-rs/argon2";
import { createPrismaClient } from "../lib/database/create-client";

const db = createPrismaClient();

export const DEMO_PASSWORD = "correct-horse-battery";

type DemoDevice = { type: "SMS" | "EMAIL" | "VOICE" | "TOTP" | "SECURITY_KEY"; nickname: string; target?: string; isDefault?: boolean; status?: "ACTIVE" | "BLOCKED" };

const demoUsers: { email: string; name: string; username: string; role?: "ADMIN" | "HELPDESK"; mfaEnabled: boolean; devices: DemoDevice[] }[] = [
  {
    email: "amy@example.com",
    name: "Amy Rivera",
    username: "amy",
    mfaEnabled: true,
    devices: [
      { type: "SMS", nickname: "My phone", target: "+12025554567", isDefault: true },
      { type: "EMAIL", nickname: "Personal email", target: "amy@example.com" },
      { type: "VOICE", nickname: "Home landline", target: "+12025550188", status: "BLOCKED" },
    ],
  },
  { email: "ben@example.com", name: "Ben Okafor", username: "ben", mfaEnabled: false, devices: [] },
  {
    email: "admin@example.com",
    name: "Ada Admin",
    username: "admin",
    role: "ADMIN",
    mfaEnabled: true,
    devices: [{ type: "EMAIL", nickname: "Work email", target: "admin@example.com", isDefault: true }],
  },
  {
    email: "help@example.com",
    name: "Hal Helpdesk",
    username: "helpdesk",
    role: "HELPDESK",
    mfaEnabled: true,
    devices: [{ type: "EMAIL", nickname: "Work email", target: "help@example.com", isDefault: true }],
  },
];

async function main() {
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  for (const demo of demoUsers) {
    if (await db.user.findUnique({ where: { email: demo.email } })) {
      // A database seeded before email verification existed: its demo users count as confirmed too.
      await db.user.updateMany({ where: { email: demo.email, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
      continue;
    }
    await db.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        username: demo.username,
        role: demo.role ?? "USER",
        mfaEnabled: demo.mfaEnabled,
        passwordHash,
        // Demo addresses count as confirmed, so the demo users can sign in at once.
        emailVerifiedAt: new Date(),
        devices: {
          create: demo.devices.map((d, i) => ({
            type: d.type,
            nickname: d.nickname,
            target: d.target ?? null,
            isDefault: d.isDefault ?? false,
            status: d.status ?? "ACTIVE",
            createdAt: new Date(Date.now() - (demo.devices.length - i) * 86_400_000),
          })),
        },
      },
    });
    console.log(`seeded ${demo.email}`);
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
