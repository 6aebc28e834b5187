-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- Two-step verification is "on" only with a device (issue 14). Accounts turned on before that rule,
-- with no device at all that is active or blocked, are set off: they had no second factor to ask
-- for. An account whose devices are all blocked stays on, so a block never lowers the bar.
UPDATE "User" SET "mfaEnabled" = false
WHERE "mfaEnabled" = true
  AND NOT EXISTS (SELECT 1 FROM "Device" WHERE "Device"."userId" = "User"."id" AND "Device"."status" IN ('ACTIVE', 'BLOCKED'));
