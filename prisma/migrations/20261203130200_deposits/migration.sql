-- Deposits and no-show protection: the payments policy (per service and per salon), the hold on a slot
-- while its deposit is paid, every money movement (Payment) and every provider event applied once
-- (StripeEvent).

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('DEPOSIT', 'REFUND', 'LATE_CANCELLATION_FEE', 'NO_SHOW_FEE');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'REQUIRES_ACTION');

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "cardRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "depositCents" INTEGER,
ADD COLUMN     "depositPercent" INTEGER;

-- AlterTable
ALTER TABLE "SalonSettings" ADD COLUMN     "depositCountsTowardPrice" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lateCancelFeeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lateCancelWindowMinutes" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN     "noShowFeeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paymentHoldMinutes" INTEGER NOT NULL DEFAULT 15;

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "checkoutOpenedAt" TIMESTAMPTZ(3),
ADD COLUMN     "depositCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paymentHoldUntil" TIMESTAMPTZ(3),
ADD COLUMN     "providerCustomerId" TEXT,
ADD COLUMN     "providerPaymentMethodId" TEXT;

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "appointmentId" TEXT NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "refundId" TEXT,
    "refundOfId" TEXT,
    "failureMessage" TEXT,
    "triggeredByKind" "ActorKind" NOT NULL,
    "triggeredById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "appointmentId" TEXT,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_checkoutSessionId_key" ON "Payment"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_refundId_key" ON "Payment"("refundId");

-- CreateIndex
CREATE INDEX "Payment_appointmentId_createdAt_idx" ON "Payment"("appointmentId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_createdAt_id_idx" ON "Payment"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Payment_paymentIntentId_idx" ON "Payment"("paymentIntentId");

-- CreateIndex
CREATE INDEX "StripeEvent_receivedAt_idx" ON "StripeEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "Appointment_status_paymentHoldUntil_idx" ON "Appointment"("status", "paymentHoldUntil");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A slot being paid for is held like a booking: the no-overlap invariant now covers PENDING_PAYMENT
-- rows too, so no booking (and no other hold) can take it while the customer pays.
ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_no_overlap_per_staff";
ALTER TABLE "Appointment"
  ADD CONSTRAINT "Appointment_no_overlap_per_staff"
    EXCLUDE USING gist ("staffId" WITH =, tstzrange("blockedFrom", "blockedUntil", '[)') WITH &&)
    WHERE (status IN ('BOOKED', 'PENDING_PAYMENT'));

ALTER TABLE "Appointment"
  ADD CONSTRAINT "Appointment_hold_has_end" CHECK (status <> 'PENDING_PAYMENT' OR "paymentHoldUntil" IS NOT NULL),
  ADD CONSTRAINT "Appointment_deposit_not_negative" CHECK ("depositCents" >= 0);

ALTER TABLE "Service"
  ADD CONSTRAINT "Service_one_deposit_rule" CHECK ("depositCents" IS NULL OR "depositPercent" IS NULL),
  ADD CONSTRAINT "Service_valid_deposit"
    CHECK (("depositCents" IS NULL OR "depositCents" > 0) AND ("depositPercent" IS NULL OR "depositPercent" BETWEEN 1 AND 100));

ALTER TABLE "SalonSettings"
  ADD CONSTRAINT "SalonSettings_valid_payment_policy"
    CHECK ("lateCancelWindowMinutes" >= 0 AND "lateCancelFeeCents" >= 0 AND "noShowFeeCents" >= 0
           AND "paymentHoldMinutes" BETWEEN 5 AND 1440);

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_not_negative" CHECK ("amountCents" >= 0);
