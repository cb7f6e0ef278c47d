-- The invariant the whole product rests on: one stylist never holds two active (BOOKED) appointments
-- whose blocked time (the appointment plus the service's buffers) overlaps. PostgreSQL enforces it, so
-- no race between concurrent requests can double-book; the application maps SQLSTATE 23P01 to
-- SLOT_UNAVAILABLE. Prisma cannot express exclusion constraints, hence this hand-written migration.

CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Appointment"
  ADD CONSTRAINT "Appointment_ends_after_start" CHECK ("endsAt" > "startsAt"),
  ADD CONSTRAINT "Appointment_blocked_range_covers_appointment"
    CHECK ("blockedFrom" <= "startsAt" AND "blockedUntil" >= "endsAt"),
  ADD CONSTRAINT "Appointment_buffers_not_negative"
    CHECK ("bufferBeforeMinutes" >= 0 AND "bufferAfterMinutes" >= 0),
  ADD CONSTRAINT "Appointment_no_overlap_per_staff"
    EXCLUDE USING gist ("staffId" WITH =, tstzrange("blockedFrom", "blockedUntil", '[)') WITH &&)
    WHERE (status = 'BOOKED');

ALTER TABLE "WorkingHours"
  ADD CONSTRAINT "WorkingHours_valid_interval"
    CHECK ("weekday" BETWEEN 1 AND 7 AND "startMinute" >= 0 AND "endMinute" <= 1440 AND "endMinute" > "startMinute");

ALTER TABLE "TimeOff"
  ADD CONSTRAINT "TimeOff_ends_after_start" CHECK ("endsAt" > "startsAt");

ALTER TABLE "Service"
  ADD CONSTRAINT "Service_valid_numbers"
    CHECK ("durationMinutes" > 0 AND "priceCents" >= 0 AND "bufferBeforeMinutes" >= 0 AND "bufferAfterMinutes" >= 0);

ALTER TABLE "SalonSettings"
  ADD CONSTRAINT "SalonSettings_single_row" CHECK ("id" = 1);
