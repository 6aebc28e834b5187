-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "applicationId" TEXT;

-- CreateTable
CREATE TABLE "ApiApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "rateLimitPerMinute" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ApiApplicationUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiApplicationUser_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ApiApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiApplicationUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiApplication_clientId_key" ON "ApiApplication"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiApplication_secretHash_key" ON "ApiApplication"("secretHash");

-- CreateIndex
CREATE INDEX "ApiApplicationUser_userId_idx" ON "ApiApplicationUser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiApplicationUser_applicationId_userId_key" ON "ApiApplicationUser"("applicationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiApplicationUser_applicationId_externalId_key" ON "ApiApplicationUser"("applicationId", "externalId");
