import "server-only";
import { toApiAppointment } from "@/lib/api/schemas/appointments";
import { systemActor } from "@/lib/auth/actor";
import { getAppointment } from "@/lib/booking/data";
import { ZOutboxEvent } from "@/lib/notifications/outbox-events";
import { WEBHOOK_EVENTS, type TWebhookEventType } from "./events";

export type WebhookPayload = { type: TWebhookEventType; timestamp: string; data: unknown; previous?: unknown };

/**
 * The body partners receive for an outbox event: `data` is what `GET /api/v1/appointments/{id}` answers
 * at the time the delivery is written, so a partner parses both with the same code; a reschedule adds
 * the values it replaced. Loaders per catalogue subject; a new subject adds its loader here.
 */
export async function buildPayloadFromOutbox(type: TWebhookEventType, rawEvent: unknown, at: Date): Promise<WebhookPayload> {
  const event = ZOutboxEvent.parse(rawEvent);
  if (WEBHOOK_EVENTS[type].subject !== "appointment" || !("appointmentId" in event.data)) {
    throw new Error(`${type} is not delivered from the outbox`);
  }
  const data = toApiAppointment(await getAppointment(systemActor, event.data.appointmentId));
  return { type, timestamp: at.toISOString(), data, ...(event.name === "appointment.rescheduled" && { previous: event.data.previous }) };
}

export function testPayload(endpointId: string, at: Date): WebhookPayload {
  return { type: "webhook.test", timestamp: at.toISOString(), data: { endpointId, message: "A test event from Pamper Book." } };
}
