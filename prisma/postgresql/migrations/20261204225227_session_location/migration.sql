-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "location" TEXT;
