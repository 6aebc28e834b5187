-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "pushSubscription" TEXT;

-- CreateTable
CREATE TABLE "VapidKeys" (
    "id" INTEGER NOT NULL,
    "publicKey" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VapidKeys_pkey" PRIMARY KEY ("id")
);
