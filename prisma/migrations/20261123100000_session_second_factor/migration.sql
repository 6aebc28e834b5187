-- A session opened by the first factor of an account with MFA on waits for the second factor.
ALTER TABLE "Session" ADD COLUMN "secondFactorPending" BOOLEAN NOT NULL DEFAULT false;

-- A successful authentication flow's result is turned into a session once only.
ALTER TABLE "FlowExecution" ADD COLUMN "redeemedAt" DATETIME;
