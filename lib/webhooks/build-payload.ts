import "server-only";
import { representAppointment } from "@/lib/api/appointments/represent-appointment";
import { toApiPaymentRow } from "@/lib/api/schemas/payments";
import { toApiCustomer } from "@/lib/api/schemas/customers";
import { toApiService } from "@/lib/api/schemas/services";
import { toApiVisit } from "@/lib/api/schemas/visits";
import { systemActor } from "@/lib/auth/actor";
import { getAppointment } from "@/lib/booking/data";
import { getCustomer } from "@/lib/customers/data";
import type { TOutboxEvent } from "@/lib/notifications/outbox-events";
import { orNotFound } from "@/lib/errors";
import { getPayment } from "@/lib/payments/data";
import { getService } from "@/lib/services/data";
import { getVisit } from "@/lib/visits/data";
import type { TWebhookEventType } from "./events";

export type WebhookPayload = { type: TWebhookEventType; timestamp: string; data: unknown; previous?: unknown };

/** `data` for each kind of subject: what the API's GET of that subject answers. */
async function loadData(event: TOutboxEvent): Promise<unknown> {
  const { data } = event;
  // Before the appointment: a payment's event names its appointment too.
  if ("paymentId" in data) {
    const payment = orNotFound(await getPayment(data.paymentId), "That payment does not exist.");
    return { ...toApiPaymentRow(payment), appointmentId: payment.appointmentId };
  }
  if ("appointmentId" in data) return representAppointment(await getAppointment(systemActor, data.appointmentId));
  if ("customerId" in data) return toApiCustomer(await getCustomer(systemActor, data.customerId));
  if ("serviceId" in data) return toApiService(await getService(data.serviceId));
  if ("visitId" in data) return toApiVisit(await getVisit(systemActor, data.visitId));
  throw new Error(`${event.name} is not delivered as a webhook`);
}

/**
 * The body partners receive for an outbox event: `data` is what `GET /api/v1/appointments/{id}` (or
 * `/customers/{id}`, `/services/{id}`, `/visits/{id}`) answers at the time the delivery is written, so a partner parses
 * both with the same code; a reschedule or a service's change adds the values it replaced.
 */
export async function buildPayloadFromOutbox(type: TWebhookEventType, event: TOutboxEvent, at: Date): Promise<WebhookPayload> {
  const { data } = event;
  // A visit's move names only where it started: each segment's own event has the rest.
  const previous = "previous" in data ? data.previous : "previousStartsAt" in data ? { startsAt: data.previousStartsAt } : undefined;
  return { type, timestamp: at.toISOString(), data: await loadData(event), ...(previous && { previous }) };
}

export function testPayload(endpointId: string, at: Date): WebhookPayload {
  return { type: "webhook.test", timestamp: at.toISOString(), data: { endpointId, message: "A test event from Pamper Book." } };
}
