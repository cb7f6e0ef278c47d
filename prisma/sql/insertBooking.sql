-- A booking's one writing statement: the appointment, its history event and its outbox row, returning
-- what the view needs that the rules' read did not have (the stored timestamps, the customer's name and
-- email). Raw because the ORM sends each insert, and the re-read of the view, on its own round trip. The
-- foreign key reports a missing customer (23503) and the exclusion constraint an overlap (23P01): both
-- are checked by the database, so no earlier read of them is needed. A single booking is a visit of one:
-- its Visit row (same id as the appointment) comes from this statement too, at no extra round trip. A
-- booking that waits for its deposit is written as PENDING_PAYMENT with the end of its hold: the same
-- constraint holds its slot.
-- @param {String} $1:id
-- @param {String} $2:customerId
-- @param {String} $3:staffId
-- @param {String} $4:serviceId
-- @param {DateTime} $5:startsAt
-- @param {DateTime} $6:endsAt
-- @param {DateTime} $7:blockedFrom
-- @param {DateTime} $8:blockedUntil
-- @param {String} $9:source
-- @param {String} $10:customerNote
-- @param {Int} $11:durationMinutes
-- @param {Int} $12:bufferBeforeMinutes
-- @param {Int} $13:bufferAfterMinutes
-- @param {Int} $14:priceCents
-- @param {String} $15:currency
-- @param {String} $16:status BOOKED, or PENDING_PAYMENT while the deposit is paid
-- @param {Int} $17:depositCents
-- @param {DateTime} $18:paymentHoldUntil null unless PENDING_PAYMENT
-- @param {String} $19:eventId
-- @param {String} $20:actorKind
-- @param {String} $21:actorId
-- @param {Json} $22:changes
-- @param {String} $23:outboxId
-- @param {String} $24:outboxType
-- @param {Json} $25:outboxPayload
WITH visit AS (
  INSERT INTO "Visit" ("id", "customerId", "segmentCount", "source")
  VALUES ($1, $2, 1, $9::"BookingSource")
  RETURNING "id"
), appointment AS (
  INSERT INTO "Appointment" ("id", "customerId", "staffId", "serviceId", "startsAt", "endsAt", "blockedFrom", "blockedUntil",
                             "source", "customerNote", "durationMinutes", "bufferBeforeMinutes", "bufferAfterMinutes",
                             "priceCents", "currency", "status", "depositCents", "paymentHoldUntil", "updatedAt", "visitId")
  SELECT $1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7::timestamptz, $8::timestamptz,
         $9::"BookingSource", $10, $11::int, $12::int, $13::int, $14::int, $15,
         $16::"AppointmentStatus", $17::int, $18::timestamptz, now(), visit."id"
    FROM visit
  RETURNING "id", "status", "version", "createdAt", "updatedAt"
)
SELECT appointment."status", appointment."version", appointment."createdAt", appointment."updatedAt",
       c."name" AS "customerName", c."email" AS "customerEmail",
       -- The history event and the outbox row (see its migration), once per written row.
       record_appointment_change(appointment."id", $19, $20::"ActorKind", $21, 'booked', $22::jsonb, $23, $24, $25::jsonb) AS "outboxId"
  FROM appointment
  LEFT JOIN "User" c ON c."id" = $2
