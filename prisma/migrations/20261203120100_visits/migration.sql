-- Visits: several services booked as one sequence. Each segment stays an Appointment, so the exclusion
-- constraint, history and the calendar keep working per segment; the Visit row groups them.

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "bufferInsideVisit" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "processingMinutes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "visitId" TEXT,
ADD COLUMN     "visitPosition" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "segmentCount" INTEGER NOT NULL,
    "source" "BookingSource" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Visit_customerId_createdAt_idx" ON "Visit"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Appointment_visitId_visitPosition_idx" ON "Appointment"("visitId", "visitPosition");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every existing appointment becomes a visit of one, with the appointment's own id (as new single
-- bookings do), so nothing needs a second key to find its visit.
INSERT INTO "Visit" ("id", "customerId", "segmentCount", "source", "createdAt")
SELECT "id", "customerId", 1, "source", "createdAt" FROM "Appointment";
UPDATE "Appointment" SET "visitId" = "id";

ALTER TABLE "Service"
  ADD CONSTRAINT "Service_processing_not_negative" CHECK ("processingMinutes" >= 0);
ALTER TABLE "Visit"
  ADD CONSTRAINT "Visit_segment_count" CHECK ("segmentCount" BETWEEN 1 AND 5);
