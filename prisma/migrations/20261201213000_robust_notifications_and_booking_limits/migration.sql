-- Reminders keyed by the schedule, not by every edit; outbox retry backoff and dead letters; a
-- per-customer cap on future bookings.

ALTER TABLE "Appointment" ADD COLUMN "scheduleVersion" INTEGER NOT NULL DEFAULT 1;

-- The schedule version of existing appointments is the version their last booking or reschedule event
-- announced (note changes bumped `version` without one).
UPDATE "Appointment" a
   SET "scheduleVersion" = COALESCE(
     (SELECT max((o."payload"->>'version')::int) FROM "OutboxEvent" o
       WHERE o."appointmentId" = a."id" AND o."type" IN ('appointment.created', 'appointment.rescheduled')),
     a."version");

ALTER TABLE "OutboxEvent" ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3);
ALTER TABLE "OutboxEvent" ADD COLUMN "deadAt" TIMESTAMPTZ(3);
CREATE INDEX "OutboxEvent_deadAt_idx" ON "OutboxEvent"("deadAt");

ALTER TABLE "SalonSettings" ADD COLUMN "maxFutureBookingsPerCustomer" INTEGER NOT NULL DEFAULT 5;
