-- A reschedule's one writing statement: the new time, stylist or service (only if nobody changed the row
-- since it was read: the version; the exclusion constraint refuses an overlap), its history event and its
-- outbox row. Raw because the ORM sends the update, the re-read of the view and each insert on their own
-- round trips; the view is built from what the transaction has already read. No row back means the
-- version moved: a conflict. The reminder for the old time is void: scheduleVersion follows version.
-- @param {String} $1:id
-- @param {Int} $2:expectedVersion
-- @param {String} $3:staffId
-- @param {String} $4:serviceId
-- @param {DateTime} $5:startsAt
-- @param {DateTime} $6:endsAt
-- @param {DateTime} $7:blockedFrom
-- @param {DateTime} $8:blockedUntil
-- @param {Int} $9:durationMinutes
-- @param {Int} $10:bufferBeforeMinutes
-- @param {Int} $11:bufferAfterMinutes
-- @param {Int} $12:priceCents
-- @param {String} $13:currency
-- @param {String} $14:eventId
-- @param {String} $15:actorKind
-- @param {String} $16:actorId
-- @param {Json} $17:changes
-- @param {String} $18:outboxId
-- @param {String} $19:outboxType
-- @param {Json} $20:outboxPayload
WITH appointment AS (
  UPDATE "Appointment"
     SET "staffId" = $3, "serviceId" = $4, "startsAt" = $5::timestamptz, "endsAt" = $6::timestamptz,
         "blockedFrom" = $7::timestamptz, "blockedUntil" = $8::timestamptz, "durationMinutes" = $9::int,
         "bufferBeforeMinutes" = $10::int, "bufferAfterMinutes" = $11::int, "priceCents" = $12::int, "currency" = $13,
         "scheduleVersion" = "version" + 1, "version" = "version" + 1, "updatedAt" = now()
   WHERE "id" = $1 AND "version" = $2::int
  RETURNING "id", "version", "updatedAt"
)
-- The history event and the outbox row (see its migration), once per changed row.
SELECT "version", "updatedAt",
       record_appointment_change(appointment."id", $14, $15::"ActorKind", $16, 'rescheduled', $17::jsonb, $18, $19, $20::jsonb) AS "outboxId"
  FROM appointment
