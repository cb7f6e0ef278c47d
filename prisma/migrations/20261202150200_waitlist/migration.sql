-- The waitlist: entries customers (or staff for them) add, and the offers a freed time sends them.
-- Matching runs through a partial GiST index over the active entries' date range, so a freed slot
-- reads only the entries whose range covers it, not every entry.
-- CreateEnum
CREATE TYPE "WaitlistOfferMode" AS ENUM ('ALL_AT_ONCE', 'ONE_AT_A_TIME');

-- CreateEnum
CREATE TYPE "WaitlistEntryStatus" AS ENUM ('ACTIVE', 'FULFILLED', 'LEFT');

-- CreateEnum
CREATE TYPE "WaitlistOfferStatus" AS ENUM ('OFFERED', 'BOOKED', 'TAKEN');

-- AlterTable
ALTER TABLE "SalonSettings" ADD COLUMN     "maxWaitlistEntriesPerCustomer" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "waitlistHoldMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "waitlistOfferMode" "WaitlistOfferMode" NOT NULL DEFAULT 'ALL_AT_ONCE';

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "serviceIds" TEXT[],
    "staffId" TEXT,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "rangeFrom" TIMESTAMPTZ(3) NOT NULL,
    "rangeUntil" TIMESTAMPTZ(3) NOT NULL,
    "windows" JSONB NOT NULL DEFAULT '[]',
    "status" "WaitlistEntryStatus" NOT NULL DEFAULT 'ACTIVE',
    "source" "BookingSource" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitlistOffer" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "freedFrom" TIMESTAMPTZ(3) NOT NULL,
    "freedUntil" TIMESTAMPTZ(3) NOT NULL,
    "tokenHash" TEXT,
    "status" "WaitlistOfferStatus" NOT NULL DEFAULT 'OFFERED',
    "holdUntil" TIMESTAMPTZ(3),
    "handedOnAt" TIMESTAMPTZ(3),
    "appointmentId" TEXT,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaitlistOffer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitlistEntry_customerId_status_idx" ON "WaitlistEntry"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistOffer_tokenHash_key" ON "WaitlistOffer"("tokenHash");

-- CreateIndex
CREATE INDEX "WaitlistOffer_staffId_startsAt_idx" ON "WaitlistOffer"("staffId", "startsAt");

-- CreateIndex
CREATE INDEX "WaitlistOffer_status_holdUntil_idx" ON "WaitlistOffer"("status", "holdUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistOffer_entryId_staffId_startsAt_key" ON "WaitlistOffer"("entryId", "staffId", "startsAt");

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistOffer" ADD CONSTRAINT "WaitlistOffer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WaitlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot express.
ALTER TABLE "WaitlistEntry"
  ADD CONSTRAINT "WaitlistEntry_range_order" CHECK ("rangeUntil" > "rangeFrom"),
  ADD CONSTRAINT "WaitlistEntry_has_service" CHECK (cardinality("serviceIds") BETWEEN 1 AND 5);

ALTER TABLE "SalonSettings"
  ADD CONSTRAINT "SalonSettings_waitlist_numbers"
    CHECK ("maxWaitlistEntriesPerCustomer" >= 1 AND "waitlistHoldMinutes" BETWEEN 1 AND 1440);

CREATE INDEX "WaitlistEntry_active_range_idx" ON "WaitlistEntry"
  USING gist (tstzrange("rangeFrom", "rangeUntil", '[)'))
  WHERE status = 'ACTIVE';
