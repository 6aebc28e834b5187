-- DropIndex
DROP INDEX "FlowExecution_sessionFamilyId_kind_idx";

-- DropIndex
DROP INDEX "Passcode_flowExecutionId_idx";

-- DropIndex
DROP INDEX "AuditEvent_userId_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "destination" TEXT;

-- CreateIndex
CREATE INDEX "FlowExecution_sessionFamilyId_kind_createdAt_idx" ON "FlowExecution"("sessionFamilyId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "Passcode_flowExecutionId_purpose_createdAt_idx" ON "Passcode"("flowExecutionId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "Passcode_deviceId_idx" ON "Passcode"("deviceId");

-- CreateIndex
CREATE INDEX "Passcode_userId_idx" ON "Passcode"("userId");

-- CreateIndex
CREATE INDEX "MagicLinkToken_userId_idx" ON "MagicLinkToken"("userId");

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_flowExecutionId_ceremony_idx" ON "WebAuthnChallenge"("flowExecutionId", "ceremony");

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_expiresAt_idx" ON "WebAuthnChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "WebAuthnChallenge_userId_idx" ON "WebAuthnChallenge"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_createdAt_id_idx" ON "AuditEvent"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_destination_createdAt_idx" ON "AuditEvent"("destination", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_id_idx" ON "OutboxMessage"("createdAt", "id");


-- Backfill (written by hand): sends logged before this migration carry their destination only inside
-- the JSON details. Copying it to the new column keeps them counted by the per-destination send limit
-- for the rest of their hour.
UPDATE "AuditEvent" SET "destination" = json_extract("details", '$.destination')
WHERE "action" = 'otp.sent' AND "details" IS NOT NULL AND json_valid("details");
