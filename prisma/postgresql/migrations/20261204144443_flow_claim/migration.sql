-- AlterTable
ALTER TABLE "FlowExecution" ADD COLUMN     "claimedUntil" TIMESTAMP(3);
