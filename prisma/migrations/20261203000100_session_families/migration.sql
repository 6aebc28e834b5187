-- Sessions that exist already become families of their own; flows started before this have no family
-- and so belong to nobody: they expire unused.
-- AlterTable
ALTER TABLE "FlowExecution" ADD COLUMN "sessionFamilyId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "familyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "authMethods" TEXT NOT NULL,
    "authenticatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "secondFactorPending" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("familyId", "authMethods", "authenticatedAt", "createdAt", "expiresAt", "id", "ip", "lastSeenAt", "revokedAt", "secondFactorPending", "userAgent", "userId") SELECT "id", "authMethods", "authenticatedAt", "createdAt", "expiresAt", "id", "ip", "lastSeenAt", "revokedAt", "secondFactorPending", "userAgent", "userId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_familyId_idx" ON "Session"("familyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FlowExecution_sessionFamilyId_kind_idx" ON "FlowExecution"("sessionFamilyId", "kind");

