import { z } from "zod";
import { ZApiServiceChanges } from "@/lib/api/schemas/services";

/**
 * Events a change announces (an appointment's, a schedule's, a customer's or a service's). They are
 * written to the outbox in the same transaction as the change and published afterwards (Inngest event
 * id = outbox row id), so a committed change is never lost and never announced twice.
 */

const appointmentRef = {
  appointmentId: z.string().min(1),
  /** The appointment's version after the change: consumers dedupe per (appointment, kind, version). */
  version: z.number().int().positive(),
};

/**
 * Set when a change of a whole visit wrote the event (one per segment, beside the visit's own event):
 * partners' webhooks and the waitlist follow each segment, while the customer's emails, the reminder and
 * the stylists' notices answer the visit's event once instead.
 */
const segmentOfVisit = { wholeVisitId: z.string().min(1).optional() };

export const ZAppointmentCreatedEvent = z.object({
  name: z.literal("appointment.created"),
  data: z.object({ ...appointmentRef, ...segmentOfVisit }),
});

export const ZAppointmentRescheduledEvent = z.object({
  name: z.literal("appointment.rescheduled"),
  data: z.object({
    ...appointmentRef,
    ...segmentOfVisit,
    previous: z.object({
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      staffId: z.string(),
      serviceId: z.string(),
    }),
  }),
});

export const ZAppointmentCancelledEvent = z.object({
  name: z.literal("appointment.cancelled"),
  data: z.object({ ...appointmentRef, ...segmentOfVisit, reason: z.string().nullable() }),
});

/** Marked completed: announced for partners' webhooks only (no email answers it). */
export const ZAppointmentCompletedEvent = z.object({
  name: z.literal("appointment.completed"),
  data: z.object(appointmentRef),
});

/** The customer's note changed or was cleared: announced for partners' webhooks only (no email). */
export const ZAppointmentNoteChangedEvent = z.object({
  name: z.literal("appointment.note-changed"),
  data: z.object(appointmentRef),
});

/** Marked a no-show: the rest of its time is free again (the waitlist hears of it). */
export const ZAppointmentNoShowEvent = z.object({
  name: z.literal("appointment.no-show"),
  data: z.object(appointmentRef),
});

/** Booked as a hold waiting for its deposit: expired at `holdUntil` unless paid by then. */
export const ZAppointmentPaymentPendingEvent = z.object({
  name: z.literal("appointment.payment-pending"),
  data: z.object({ ...appointmentRef, holdUntil: z.iso.datetime() }),
});

/** The hold ran out unpaid: its time is free again (the waitlist hears of it). */
export const ZAppointmentExpiredEvent = z.object({
  name: z.literal("appointment.expired"),
  data: z.object(appointmentRef),
});

/** A deposit to give back (cancelled in time, or paid for a slot that was lost): the refund job issues it. */
export const ZPaymentRefundRequestedEvent = z.object({
  name: z.literal("payment.refund-requested"),
  data: z.object({ appointmentId: z.string().min(1), paymentId: z.string().min(1) }),
});

/** A fee the policy charges to the saved card (a late cancellation): the fee job charges it once. */
export const ZPaymentFeeRequestedEvent = z.object({
  name: z.literal("payment.fee-requested"),
  data: z.object({ appointmentId: z.string().min(1), kind: z.enum(["LATE_CANCELLATION_FEE", "NO_SHOW_FEE"]) }),
});

/** A fee the bank asked the customer to authenticate: the customer is emailed a link to pay it, once. */
export const ZPaymentAuthenticationRequiredEvent = z.object({
  name: z.literal("payment.authentication-required"),
  data: z.object({ appointmentId: z.string().min(1), paymentId: z.string().min(1) }),
});

/**
 * Money moved: a deposit or a fee taken (`payment.succeeded`), a refund given back (`payment.refunded`),
 * a fee the card refused (`payment.failed`). Written in the transaction that records it, so each money
 * event is announced once (partners' webhooks only).
 */
const paymentRef = { appointmentId: z.string().min(1), paymentId: z.string().min(1) };
export const ZPaymentSucceededEvent = z.object({ name: z.literal("payment.succeeded"), data: z.object(paymentRef) });
export const ZPaymentRefundedEvent = z.object({ name: z.literal("payment.refunded"), data: z.object(paymentRef) });
export const ZPaymentFailedEvent = z.object({ name: z.literal("payment.failed"), data: z.object(paymentRef) });

/** A stylist's schedule opened time that was closed (time off removed, a working day widened). */
export const ZScheduleTimeFreedEvent = z.object({
  name: z.literal("schedule.time-freed"),
  data: z.object({ staffId: z.string().min(1), from: z.iso.datetime(), until: z.iso.datetime() }),
});

/** A customer record was created (sign-up, staff, the API): announced for partners' webhooks only. */
export const ZCustomerCreatedEvent = z.object({
  name: z.literal("customer.created"),
  data: z.object({ customerId: z.string().min(1) }),
});

/** A service was added or changed; `previous` holds what the change replaced (absent for a new one). */
export const ZServiceUpdatedEvent = z.object({
  name: z.literal("service.updated"),
  data: z.object({ serviceId: z.string().min(1), previous: ZApiServiceChanges.optional() }),
});

const visitRef = {
  visitId: z.string().min(1),
  /** The visit's version after the change (the sum of its segments' versions): consumers dedupe by it. */
  version: z.number().int().positive(),
};

/** A visit of several services was booked: one event for all its segments. */
export const ZVisitBookedEvent = z.object({ name: z.literal("visit.booked"), data: z.object(visitRef) });

/** A whole visit moved to a new start; `previousStartsAt` is where it started before. */
export const ZVisitRescheduledEvent = z.object({
  name: z.literal("visit.rescheduled"),
  data: z.object({ ...visitRef, previousStartsAt: z.iso.datetime() }),
});

/** A whole visit was cancelled: every segment still booked. */
export const ZVisitCancelledEvent = z.object({
  name: z.literal("visit.cancelled"),
  data: z.object({ ...visitRef, reason: z.string().nullable() }),
});

export const ZOutboxEvent = z.discriminatedUnion("name", [
  ZAppointmentCreatedEvent,
  ZAppointmentRescheduledEvent,
  ZAppointmentCancelledEvent,
  ZAppointmentCompletedEvent,
  ZAppointmentNoShowEvent,
  ZAppointmentNoteChangedEvent,
  ZAppointmentPaymentPendingEvent,
  ZAppointmentExpiredEvent,
  ZPaymentRefundRequestedEvent,
  ZPaymentFeeRequestedEvent,
  ZPaymentAuthenticationRequiredEvent,
  ZScheduleTimeFreedEvent,
  ZCustomerCreatedEvent,
  ZServiceUpdatedEvent,
  ZVisitBookedEvent,
  ZVisitRescheduledEvent,
  ZVisitCancelledEvent,
  ZPaymentSucceededEvent,
  ZPaymentRefundedEvent,
  ZPaymentFailedEvent,
]);

export type TOutboxEvent = z.infer<typeof ZOutboxEvent>;
export type TOutboxEventName = TOutboxEvent["name"];
/** The events about one appointment. */
export type TAppointmentEventName = Extract<TOutboxEventName, `appointment.${string}`>;
/** The events about a whole visit of several services. */
export type TVisitEventName = Extract<TOutboxEventName, `visit.${string}`>;

/** An appointment event a whole-visit change wrote for one segment: the visit's own event sends the emails. */
export function isSegmentOfVisitChange(data: object): boolean {
  return "wholeVisitId" in data && typeof data.wholeVisitId === "string";
}

/**
 * The record an event is about (an appointment, a visit, a customer, a service): the events of one subject are
 * handled in the order they happened, those of different subjects side by side. A schedule's event has
 * none and waits for nothing.
 */
export function subjectIdOf(event: TOutboxEvent): string | null {
  const { data } = event;
  if ("appointmentId" in data) return data.appointmentId;
  if ("visitId" in data) return data.visitId;
  if ("customerId" in data) return data.customerId;
  if ("serviceId" in data) return data.serviceId;
  return null;
}

/** The OutboxEvent columns for `event`, validated: the one place an event becomes a row. */
export function outboxRowOf(event: TOutboxEvent): { type: TOutboxEventName; appointmentId: string | null; payload: TOutboxEvent["data"] } {
  const parsed = ZOutboxEvent.parse(event);
  return { type: parsed.name, appointmentId: "appointmentId" in parsed.data ? parsed.data.appointmentId : null, payload: parsed.data };
}
