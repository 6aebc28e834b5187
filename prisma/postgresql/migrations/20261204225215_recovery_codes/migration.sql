-- CreateTable
CREATE TABLE "RecoveryCodeSet" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCodeSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryCodeSet_userId_key" ON "RecoveryCodeSet"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryCode_setId_codeHash_key" ON "RecoveryCode"("setId", "codeHash");

-- AddForeignKey
ALTER TABLE "RecoveryCodeSet" ADD CONSTRAINT "RecoveryCodeSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_setId_fkey" FOREIGN KEY ("setId") REFERENCES "RecoveryCodeSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
