-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "widgetApplicationId" TEXT,
ADD COLUMN     "widgetOrigin" TEXT;

-- CreateTable
CREATE TABLE "WidgetToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WidgetToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WidgetToken_tokenHash_key" ON "WidgetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "WidgetToken_userId_idx" ON "WidgetToken"("userId");

-- CreateIndex
CREATE INDEX "WidgetToken_applicationId_idx" ON "WidgetToken"("applicationId");

-- AddForeignKey
ALTER TABLE "WidgetToken" ADD CONSTRAINT "WidgetToken_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ApiApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WidgetToken" ADD CONSTRAINT "WidgetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
