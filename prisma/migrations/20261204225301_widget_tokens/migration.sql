-- AlterTable
ALTER TABLE "Session" ADD COLUMN "widgetApplicationId" TEXT;
ALTER TABLE "Session" ADD COLUMN "widgetOrigin" TEXT;

-- CreateTable
CREATE TABLE "WidgetToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WidgetToken_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ApiApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WidgetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WidgetToken_tokenHash_key" ON "WidgetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "WidgetToken_userId_idx" ON "WidgetToken"("userId");

-- CreateIndex
CREATE INDEX "WidgetToken_applicationId_idx" ON "WidgetToken"("applicationId");
