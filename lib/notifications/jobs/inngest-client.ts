import { eventType, Inngest } from "inngest";
import type { z } from "zod";
import { ZOutboxEvent, type TOutboxEventName } from "../outbox-events";

/**
 * The events the outbox publishes, typed and validated by the same zod schemas the outbox writes with.
 * It lives beside the jobs, not in inngest/, because the publisher sends through it; inngest/ only turns
 * the jobs into functions and serves them. The client reads INNGEST_EVENT_KEY / INNGEST_DEV /
 * INNGEST_BASE_URL itself; constructing it is harmless without them — only `send()` needs a server, and
 * the embedded mode never calls it.
 */
// One row per outbox event, built from the union the outbox writes with, so a new event needs no line here.
type EventSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;
type OutboxEventType = ReturnType<typeof eventType<TOutboxEventName, EventSchema>>;

function outboxEventType(event: (typeof ZOutboxEvent.options)[number]): OutboxEventType {
  const schema: EventSchema = event.shape.data;
  return eventType<TOutboxEventName, EventSchema>(event.shape.name.value, { schema });
}

export const appointmentEvents = Object.fromEntries(
  ZOutboxEvent.options.map((event) => [event.shape.name.value, outboxEventType(event)]),
) as Record<TOutboxEventName, OutboxEventType>;

// In production (no INNGEST_DEV) the SDK verifies the signature of every request to /api/inngest with this
// key and refuses unsigned ones; it would read the variable itself, it is passed to make that visible.
export const inngest = new Inngest({ id: "pamper-book", signingKey: process.env.INNGEST_SIGNING_KEY });
