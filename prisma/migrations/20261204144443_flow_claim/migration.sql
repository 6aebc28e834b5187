-- AlterTable
ALTER TABLE "FlowExecution" ADD COLUMN "claimedUntil" DATETIME;
