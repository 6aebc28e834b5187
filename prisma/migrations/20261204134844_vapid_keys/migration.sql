-- AlterTable
ALTER TABLE "Device" ADD COLUMN "pushSubscription" TEXT;

-- CreateTable
CREATE TABLE "VapidKeys" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicKey" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
