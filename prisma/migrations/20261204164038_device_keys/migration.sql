-- CreateTable
CREATE TABLE "DeviceKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "userAgent" TEXT,
    "applicationId" TEXT,
    "rememberedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenIp" TEXT,
    CONSTRAINT "DeviceKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceKeyChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nonceHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionFamilyId" TEXT,
    "applicationId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeviceKeyChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceKey_keyId_key" ON "DeviceKey"("keyId");

-- CreateIndex
CREATE INDEX "DeviceKey_userId_idx" ON "DeviceKey"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceKeyChallenge_nonceHash_key" ON "DeviceKeyChallenge"("nonceHash");

-- CreateIndex
CREATE INDEX "DeviceKeyChallenge_userId_idx" ON "DeviceKeyChallenge"("userId");

-- CreateIndex
CREATE INDEX "DeviceKeyChallenge_expiresAt_idx" ON "DeviceKeyChallenge"("expiresAt");
