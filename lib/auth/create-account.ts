import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent, type RequestMeta } from "@/lib/audit/record-audit-event";

export async function createAccount(options: { name: string; email: string; password: string; meta: RequestMeta }) {
  const existing = await db.user.findUnique({ where: { email: options.email }, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
      email: ["An account with this email already exists."],
    });
  }
  const passwordHash = await hashPassword(options.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name: options.name, email: options.email, passwordHash } });
    await recordAuditEvent(tx, { action: "user.signed_up", userId: user.id, meta: options.meta });
    return user;
  });
}
