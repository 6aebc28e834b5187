-- AlterTable
ALTER TABLE "Device" ADD COLUMN "installationId" TEXT;
ALTER TABLE "Device" ADD COLUMN "pairedAt" DATETIME;
ALTER TABLE "Device" ADD COLUMN "publicKey" TEXT;

-- CreateTable
CREATE TABLE "PairingKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "flowExecutionId" TEXT NOT NULL,
    "typedKeyHash" TEXT NOT NULL,
    "qrSecretHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PairingKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingKey_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PushChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "flowExecutionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "choices" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requestInfo" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    CONSTRAINT "PushChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PushChallenge_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PairingKey_typedKeyHash_key" ON "PairingKey"("typedKeyHash");

-- CreateIndex
CREATE UNIQUE INDEX "PairingKey_qrSecretHash_key" ON "PairingKey"("qrSecretHash");

-- CreateIndex
CREATE INDEX "PairingKey_deviceId_createdAt_idx" ON "PairingKey"("deviceId", "createdAt");

-- CreateIndex
CREATE INDEX "PairingKey_expiresAt_idx" ON "PairingKey"("expiresAt");

-- CreateIndex
CREATE INDEX "PairingKey_userId_idx" ON "PairingKey"("userId");

-- CreateIndex
CREATE INDEX "PushChallenge_flowExecutionId_createdAt_idx" ON "PushChallenge"("flowExecutionId", "createdAt");

-- CreateIndex
CREATE INDEX "PushChallenge_deviceId_status_idx" ON "PushChallenge"("deviceId", "status");

-- CreateIndex
CREATE INDEX "PushChallenge_userId_idx" ON "PushChallenge"("userId");
