-- An appointment change's history event and outbox row, written together by the booking statements in
-- prisma/sql/ (insert, reschedule, cancel). One definition instead of the same two inserts at the tail of
-- each statement; it runs inside the calling statement, so it commits or rolls back with the change.
-- Returns the outbox row's id (a value the caller can select; a void column is not one every driver reads).
CREATE FUNCTION "record_appointment_change"(
  appointment_id TEXT, event_id TEXT, actor_kind "ActorKind", actor_id TEXT, action TEXT, changes JSONB,
  outbox_id TEXT, outbox_type TEXT, outbox_payload JSONB
) RETURNS TEXT
LANGUAGE sql
AS $$
  INSERT INTO "AppointmentEvent" ("id", "appointmentId", "actorKind", "actorId", "action", "changes")
  VALUES (event_id, appointment_id, actor_kind, actor_id, action, changes);
  INSERT INTO "OutboxEvent" ("id", "type", "appointmentId", "payload")
  VALUES (outbox_id, outbox_type, appointment_id, outbox_payload)
  RETURNING "id";
$$;
