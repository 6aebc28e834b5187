-- CreateEnum
CREATE TYPE "PushChallengeStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'CANCELED');

-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "installationId" TEXT,
ADD COLUMN     "pairedAt" TIMESTAMP(3),
ADD COLUMN     "publicKey" TEXT;

-- CreateTable
CREATE TABLE "PairingKey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "flowExecutionId" TEXT NOT NULL,
    "typedKeyHash" TEXT NOT NULL,
    "qrSecretHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairingKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushChallenge" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "flowExecutionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "choices" TEXT NOT NULL,
    "status" "PushChallengeStatus" NOT NULL DEFAULT 'PENDING',
    "requestInfo" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PushChallenge_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PairingKey" ADD CONSTRAINT "PairingKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingKey" ADD CONSTRAINT "PairingKey_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushChallenge" ADD CONSTRAINT "PushChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushChallenge" ADD CONSTRAINT "PushChallenge_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;
