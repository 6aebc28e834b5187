-- AlterTable
ALTER TABLE "FlowExecution" ADD COLUMN     "applicationId" TEXT;
