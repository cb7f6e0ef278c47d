-- CreateEnum
CREATE TYPE "PatchTestResult" AS ENUM ('NEGATIVE', 'POSITIVE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "anonymisedAt" TIMESTAMPTZ(3),
ADD COLUMN     "marketingConsentAt" TIMESTAMPTZ(3),
ADD COLUMN     "marketingConsentSource" TEXT;

-- AlterTable
ALTER TABLE "StaffProfile" ADD COLUMN     "calendarTokenHash" TEXT;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "requiresPatchTest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SalonSettings" ADD COLUMN     "patchTestMaxAgeMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "patchTestServiceId" TEXT;

-- CreateTable
CREATE TABLE "CustomerNote" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatchTest" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "testedAt" TIMESTAMPTZ(3) NOT NULL,
    "product" TEXT NOT NULL,
    "result" "PatchTestResult" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatchTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatchTestOverride" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatchTestOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerNote_customerId_createdAt_idx" ON "CustomerNote"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "PatchTest_customerId_testedAt_idx" ON "PatchTest"("customerId", "testedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PatchTestOverride_appointmentId_key" ON "PatchTestOverride"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffProfile_calendarTokenHash_key" ON "StaffProfile"("calendarTokenHash");

-- AddForeignKey
ALTER TABLE "SalonSettings" ADD CONSTRAINT "SalonSettings_patchTestServiceId_fkey" FOREIGN KEY ("patchTestServiceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerNote" ADD CONSTRAINT "CustomerNote_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerNote" ADD CONSTRAINT "CustomerNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatchTest" ADD CONSTRAINT "PatchTest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatchTest" ADD CONSTRAINT "PatchTest_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatchTestOverride" ADD CONSTRAINT "PatchTestOverride_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatchTestOverride" ADD CONSTRAINT "PatchTestOverride_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

