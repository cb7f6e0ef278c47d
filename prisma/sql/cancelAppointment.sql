-- A cancellation's one writing statement: the status change (only if nobody changed the row since it was
-- read: the version), its history event and its outbox row. Raw because the ORM sends the update, the
-- re-read of the view and each insert on their own round trips; the view is built from the row the
-- transaction has already read. No row back means the version moved: a conflict.
-- @param {String} $1:id
-- @param {Int} $2:expectedVersion
-- @param {String} $3:status
-- @param {DateTime} $4:cancelledAt
-- @param {String} $5:cancelledById
-- @param {String} $6:cancelledByKind
-- @param {String} $7:cancellationReason
-- @param {String} $8:eventId
-- @param {String} $9:actorKind
-- @param {String} $10:actorId
-- @param {Json} $11:changes
-- @param {String} $12:outboxId
-- @param {String} $13:outboxType
-- @param {Json} $14:outboxPayload
WITH appointment AS (
  UPDATE "Appointment"
     SET "status" = $3::"AppointmentStatus", "cancelledAt" = $4::timestamptz, "cancelledById" = $5,
         "cancelledByKind" = $6::"ActorKind", "cancellationReason" = $7,
         "version" = "version" + 1, "updatedAt" = now()
   WHERE "id" = $1 AND "version" = $2::int
  RETURNING "id", "version", "updatedAt"
)
-- The history event and the outbox row (see its migration), once per changed row.
SELECT "version", "updatedAt",
       record_appointment_change(appointment."id", $8, $9::"ActorKind", $10, 'cancelled', $11::jsonb, $12, $13, $14::jsonb) AS "outboxId"
  FROM appointment
