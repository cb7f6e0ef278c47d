-- Wakes the outbox worker (`npm run worker`, LISTEN outbox_event) as soon as a transaction that wrote
-- outbox rows commits, whichever code wrote them. NOTIFY is delivered at commit and not at all on
-- rollback, so the worker never looks for rows that do not exist yet. It is not durable either: the
-- worker's periodic sweep picks up anything a missed notification left behind.
CREATE FUNCTION "outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- No payload: the worker claims whatever is due, so one wake-up per transaction is enough (PostgreSQL
  -- folds identical notifications of one transaction into one).
  PERFORM pg_notify('outbox_event', '');
  RETURN NULL;
END;
$$;

-- Once per statement, not per row: a batch insert wakes the worker once.
CREATE TRIGGER "OutboxEvent_notify_insert"
  AFTER INSERT ON "OutboxEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "outbox_notify"();

-- A dead-lettered row given a fresh set of attempts (the dashboard's Retry) is due again at once.
CREATE TRIGGER "OutboxEvent_notify_revived"
  AFTER UPDATE OF "deadAt" ON "OutboxEvent"
  FOR EACH ROW WHEN (OLD."deadAt" IS NOT NULL AND NEW."deadAt" IS NULL)
  EXECUTE FUNCTION "outbox_notify"();
