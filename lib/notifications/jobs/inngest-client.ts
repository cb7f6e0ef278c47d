import { eventType, Inngest } from "inngest";
import {
  ZAppointmentCancelledEvent,
  ZAppointmentCompletedEvent,
  ZAppointmentCreatedEvent,
  ZAppointmentNoShowEvent,
  ZAppointmentNoteChangedEvent,
  ZAppointmentPaymentPendingEvent,
  ZAppointmentExpiredEvent,
  ZPaymentRefundRequestedEvent,
  ZPaymentFeeRequestedEvent,
  ZAppointmentRescheduledEvent,
  ZCustomerCreatedEvent,
  ZScheduleTimeFreedEvent,
  ZServiceUpdatedEvent,
  ZVisitBookedEvent,
  ZVisitCancelledEvent,
  ZVisitRescheduledEvent,
} from "../outbox-events";

/**
 * The events the outbox publishes, typed and validated by the same zod schemas the outbox writes with.
 * It lives beside the jobs, not in inngest/, because the publisher sends through it; inngest/ only turns
 * the jobs into functions and serves them. The client reads INNGEST_EVENT_KEY / INNGEST_DEV /
 * INNGEST_BASE_URL itself; constructing it is harmless without them — only `send()` needs a server, and
 * the embedded mode never calls it.
 */
export const appointmentEvents = {
  "appointment.created": eventType("appointment.created", { schema: ZAppointmentCreatedEvent.shape.data }),
  "appointment.rescheduled": eventType("appointment.rescheduled", { schema: ZAppointmentRescheduledEvent.shape.data }),
  "appointment.cancelled": eventType("appointment.cancelled", { schema: ZAppointmentCancelledEvent.shape.data }),
  "appointment.completed": eventType("appointment.completed", { schema: ZAppointmentCompletedEvent.shape.data }),
  "appointment.no-show": eventType("appointment.no-show", { schema: ZAppointmentNoShowEvent.shape.data }),
  "appointment.note-changed": eventType("appointment.note-changed", { schema: ZAppointmentNoteChangedEvent.shape.data }),
  "appointment.payment-pending": eventType("appointment.payment-pending", { schema: ZAppointmentPaymentPendingEvent.shape.data }),
  "appointment.expired": eventType("appointment.expired", { schema: ZAppointmentExpiredEvent.shape.data }),
  "payment.refund-requested": eventType("payment.refund-requested", { schema: ZPaymentRefundRequestedEvent.shape.data }),
  "payment.fee-requested": eventType("payment.fee-requested", { schema: ZPaymentFeeRequestedEvent.shape.data }),
  "schedule.time-freed": eventType("schedule.time-freed", { schema: ZScheduleTimeFreedEvent.shape.data }),
  "customer.created": eventType("customer.created", { schema: ZCustomerCreatedEvent.shape.data }),
  "service.updated": eventType("service.updated", { schema: ZServiceUpdatedEvent.shape.data }),
  "visit.booked": eventType("visit.booked", { schema: ZVisitBookedEvent.shape.data }),
  "visit.rescheduled": eventType("visit.rescheduled", { schema: ZVisitRescheduledEvent.shape.data }),
  "visit.cancelled": eventType("visit.cancelled", { schema: ZVisitCancelledEvent.shape.data }),
};

// In production (no INNGEST_DEV) the SDK verifies the signature of every request to /api/inngest with this
// key and refuses unsigned ones; it would read the variable itself, it is passed to make that visible.
export const inngest = new Inngest({ id: "pamper-book", signingKey: process.env.INNGEST_SIGNING_KEY });
