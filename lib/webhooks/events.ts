import { z } from "zod";
import { appointmentExample } from "@/lib/api/schemas/appointments";
import { ZApiPaymentEvent } from "@/lib/api/schemas/payments";
import { ZApiCustomer } from "@/lib/api/schemas/customers";
import { ZApiService, ZApiServiceChanges } from "@/lib/api/schemas/services";
import { visitViewExample } from "@/lib/api/schemas/visits";
import type { TOutboxEventName } from "@/lib/notifications/outbox-events";

/**
 * The webhook event catalogue: one row per event type a partner can subscribe to. `subject` says what
 * `data` represents (the same representation the API's GET returns) and so how the sender loads it;
 * `outboxEvent` names the outbox event it is delivered from (the public names use underscores, the
 * outbox's are older and keep theirs); `previous`, when set, is the schema of the body's `previous`.
 * Adding an event is one row here (and, for a new kind of subject, its id in `subjectIdOf`, one loader
 * in build-payload.ts and its schema in the OpenAPI webhooks section).
 */

// The same customer and service the appointment example names.
const customerExample = {
  ...appointmentExample.customer,
  phone: "+44 20 7946 0000",
  createdAt: "2029-12-01T09:00:00.000Z",
  updatedAt: "2029-12-01T09:00:00.000Z",
} satisfies z.input<typeof ZApiCustomer>;

const serviceExample = {
  ...appointmentExample.service,
  slug: "cut-and-finish",
  description: "Wash, cut and blow-dry.",
  category: "Hair",
  durationMinutes: 60,
  priceCents: 5500,
  currency: "GBP",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  active: true,
  requiresPatchTest: false,
  depositCents: 1000,
  depositPercent: null,
  cardRequired: false,
  sortOrder: 1,
  createdAt: "2029-12-01T09:00:00.000Z",
  updatedAt: "2030-01-05T09:00:00.000Z",
} satisfies z.input<typeof ZApiService>;

const paymentExample = {
  id: "cm5pay0000000000000000",
  appointmentId: appointmentExample.id,
  kind: "DEPOSIT",
  status: "SUCCEEDED",
  amountCents: 1000,
  currency: "GBP",
  createdAt: "2030-01-01T09:00:00.000Z",
} satisfies z.input<typeof ZApiPaymentEvent>;

const ZWebhookPrevious = z
  .object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), staffId: z.string(), serviceId: z.string() })
  .meta({ description: "The appointment's time, stylist and service before the reschedule." });

const ZWebhookVisitPrevious = z
  .object({ startsAt: z.iso.datetime() })
  .meta({ description: "Where the visit started before it moved (each segment's own old time is in its appointment.rescheduled)." });

const ZWebhookServicePrevious = ZApiServiceChanges.meta({
  description: "The fields this change set, with the values they had before; absent when the service is new.",
});

export const ZWebhookTestData = z.object({ endpointId: z.string(), message: z.string() });

export const WEBHOOK_EVENTS = {
  "appointment.created": {
    subject: "appointment",
    outboxEvent: "appointment.created",
    summary: "An appointment was booked (web, dashboard or API).",
    example: { data: appointmentExample },
  },
  "appointment.rescheduled": {
    subject: "appointment",
    outboxEvent: "appointment.rescheduled",
    summary: "An appointment moved to another time, stylist or service; `previous` holds the old values.",
    previous: ZWebhookPrevious,
    example: {
      data: { ...appointmentExample, startsAt: "2030-01-08T10:00:00.000Z", endsAt: "2030-01-08T11:00:00.000Z", version: 2 },
      previous: {
        startsAt: appointmentExample.startsAt,
        endsAt: appointmentExample.endsAt,
        staffId: appointmentExample.staffId,
        serviceId: appointmentExample.serviceId,
      },
    },
  },
  "appointment.cancelled": {
    subject: "appointment",
    outboxEvent: "appointment.cancelled",
    summary: "An appointment was cancelled; `data.cancellationReason` says why when given.",
    example: {
      data: {
        ...appointmentExample,
        status: "CANCELLED",
        cancellationReason: "Feeling unwell",
        cancelledAt: "2030-01-02T09:00:00.000Z",
        version: 2,
      },
    },
  },
  "appointment.completed": {
    subject: "appointment",
    outboxEvent: "appointment.completed",
    summary: "Staff marked an appointment completed.",
    example: { data: { ...appointmentExample, status: "COMPLETED", version: 2 } },
  },
  "appointment.no_show": {
    subject: "appointment",
    outboxEvent: "appointment.no-show",
    summary: "Staff marked an appointment a no-show (only once it has started).",
    example: { data: { ...appointmentExample, status: "NO_SHOW", version: 2 } },
  },
  "appointment.note_changed": {
    subject: "appointment",
    outboxEvent: "appointment.note-changed",
    summary: "The customer's note on an appointment was changed or cleared; `data.note` holds the new one.",
    example: { data: { ...appointmentExample, note: "Please use the quiet room.", version: 2 } },
  },
  "customer.created": {
    subject: "customer",
    outboxEvent: "customer.created",
    summary:
      "A customer record was created: by signing up, by staff (a walk-in booking) or through the API. `data` is personal data; endpoints are admin-owned.",
    example: { data: customerExample },
  },
  "service.updated": {
    subject: "service",
    outboxEvent: "service.updated",
    summary:
      "A service was added, changed (price, duration, buffers, name…) or deactivated; `previous` holds the replaced values and is absent for a new service.",
    // Absent for a new service.
    previous: ZWebhookServicePrevious.optional(),
    example: { data: { ...serviceExample, priceCents: 6000 }, previous: { priceCents: 5500 } },
  },
  "payment.succeeded": {
    subject: "payment",
    outboxEvent: "payment.succeeded",
    summary: "Money was taken: a deposit paid at checkout, or a late-cancellation or no-show fee charged to the saved card.",
    example: { data: paymentExample },
  },
  "payment.refunded": {
    subject: "payment",
    outboxEvent: "payment.refunded",
    summary: "A deposit was given back (cancelled in time, by the salon, by hand, or paid for a slot that was lost); `data` is the refund.",
    example: { data: { ...paymentExample, id: "cm5pay0000000000000001", kind: "REFUND", createdAt: "2030-01-03T09:00:00.000Z" } },
  },
  "payment.failed": {
    subject: "payment",
    outboxEvent: "payment.failed",
    summary: "A fee could not be charged (the card was declined, or the customer did not authenticate it), or a refund was refused.",
    example: { data: { ...paymentExample, kind: "NO_SHOW_FEE", status: "FAILED", amountCents: 3000 } },
  },
  "webhook.test": {
    subject: "test",
    summary: "Sent on request (`POST /webhooks/{id}/test`) to check an endpoint; always delivered, whatever it subscribes to.",
    example: { data: { endpointId: "cm5hook0000000000000000", message: "A test event from Pamper Book." } },
  },
  "visit.booked": {
    subject: "visit",
    outboxEvent: "visit.booked",
    summary:
      "A visit of several services was booked; `data` is the visit with every segment. Each segment also sends its own `appointment.created`, whose `data.visitId` names the visit.",
    example: { data: visitViewExample },
  },
  "visit.rescheduled": {
    subject: "visit",
    outboxEvent: "visit.rescheduled",
    summary:
      "A whole visit moved to a new start; `previous.startsAt` is where it started. Each moved segment also sends its own `appointment.rescheduled`.",
    previous: ZWebhookVisitPrevious,
    example: {
      data: { ...visitViewExample, startsAt: "2030-01-08T14:00:00.000Z", endsAt: "2030-01-08T16:00:00.000Z", version: 4 },
      previous: { startsAt: visitViewExample.startsAt },
    },
  },
  "visit.cancelled": {
    subject: "visit",
    outboxEvent: "visit.cancelled",
    summary:
      "A whole visit was cancelled (every segment still booked). Each of those segments also sends its own `appointment.cancelled`; staff cancelling one segment sends only that.",
    example: {
      data: {
        ...visitViewExample,
        status: "CANCELLED",
        version: 4,
        segments: visitViewExample.segments.map((segment) => ({ ...segment, status: "CANCELLED", version: 2 })),
      },
    },
  },
} as const satisfies Record<
  string,
  {
    subject: "appointment" | "customer" | "service" | "payment" | "test" | "visit";
    outboxEvent?: TOutboxEventName;
    summary: string;
    previous?: z.ZodType;
    example: { data: unknown; previous?: unknown };
  }
>;

export type TWebhookEventType = keyof typeof WEBHOOK_EVENTS;

/** What an endpoint may subscribe to: every event but the test event, which is sent on request only. */
export const SUBSCRIBABLE_EVENTS = (Object.keys(WEBHOOK_EVENTS) as TWebhookEventType[]).filter((type) => type !== "webhook.test");

export const ZSubscribableEvent = z.enum(SUBSCRIBABLE_EVENTS as [TWebhookEventType, ...TWebhookEventType[]]);
export type TSubscribableEvent = z.infer<typeof ZSubscribableEvent>;

type CatalogueRow = (typeof WEBHOOK_EVENTS)[TWebhookEventType];

/** The outbox events delivered as webhooks: what the delivery job listens to. */
export const WEBHOOK_OUTBOX_EVENTS = Object.values(WEBHOOK_EVENTS).flatMap((event: CatalogueRow) =>
  "outboxEvent" in event ? [event.outboxEvent] : [],
);
export type TWebhookOutboxEvent = (typeof WEBHOOK_OUTBOX_EVENTS)[number];

/** The catalogue event an outbox event is delivered as, if any (a schedule's change is not). */
export function webhookEventOfOutbox(outboxEvent: string): TWebhookEventType | undefined {
  return (Object.keys(WEBHOOK_EVENTS) as TWebhookEventType[]).find(
    (type) => "outboxEvent" in WEBHOOK_EVENTS[type] && WEBHOOK_EVENTS[type].outboxEvent === outboxEvent,
  );
}
