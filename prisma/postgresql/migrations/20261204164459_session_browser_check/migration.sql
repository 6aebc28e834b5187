-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "browserCheck" TEXT;
