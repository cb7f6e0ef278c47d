import { z } from "zod";
import { ZAppointmentStatus, ZBookAppointmentInput, ZCancelAppointmentInput, ZChangeCustomerNoteInput } from "@/lib/booking/schema";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { ZCreateCustomerInput } from "@/lib/customers/schema";
import { ZApiInstant, ZId, ZListQueryBase, ZPageMeta, ZUpdatedSince } from "@/lib/api/schemas/common";
import { ZApiPayment } from "@/lib/api/schemas/payments";

/** The core's booking fields, with the instant as an ISO string (the documented wire format). */
const bookingFields = ZBookAppointmentInput.pick({ serviceId: true, staffId: true, note: true, patchTestOverrideReason: true }).shape;

const patchTestOverrideReason = bookingFields.patchTestOverrideReason.meta({
  description:
    "Staff keys: go ahead although the service needs a patch test and the customer has no valid one (otherwise 422 PATCH_TEST_REQUIRED); the reason is kept with the appointment.",
});

export const ZApiCreateAppointmentBody = z
  .strictObject({
    serviceId: bookingFields.serviceId,
    startsAt: ZApiInstant,
    staffId: bookingFields.staffId.meta({ description: "Omit (or null) for any available stylist." }),
    customerId: ZId.optional().meta({ description: "Staff keys: the customer to book for. Customer keys: omit (or your own id)." }),
    customer: ZCreateCustomerInput.omit({ email: true })
      .extend({ email: z.email().max(254) })
      .optional()
      .meta({ description: "Staff keys: book for this person (found by email or created)." }),
    note: bookingFields.note,
    patchTestOverrideReason,
    payment: ZBookAppointmentInput.shape.payment.meta({
      description:
        "Staff keys: book a service that asks for a deposit without one (taken in person). Otherwise such a booking answers PENDING_PAYMENT with a paymentUrl.",
    }),
  })
  .meta({ description: "A new booking. status, price and duration are set by the salon, never by the client." });

export const ZApiUpdateAppointmentBody = z
  .strictObject({
    startsAt: ZApiInstant.optional(),
    staffId: ZId.optional(),
    serviceId: ZId.optional(),
    patchTestOverrideReason: patchTestOverrideReason.meta({ description: `With a reschedule. ${patchTestOverrideReason.description}` }),
    status: z.enum(["CANCELLED", "COMPLETED", "NO_SHOW"]).optional().meta({
      description: "A status transition instead of a reschedule: COMPLETED/NO_SHOW (staff keys) or CANCELLED.",
    }),
    reason: ZCancelAppointmentInput.shape.reason.meta({ description: "With status CANCELLED: why." }),
    note: ZChangeCustomerNoteInput.shape.note
      .optional()
      .meta({ description: 'The customer\'s note on the booking; null or "" clears it. Only while BOOKED.' }),
  })
  .meta({
    description: "One change per request: reschedule (startsAt/staffId/serviceId), change status, or change the note.",
  });

export const ZApiCancelAppointmentBody = z.strictObject({ reason: ZCancelAppointmentInput.shape.reason });

export const ZApiListAppointmentsQuery = z.strictObject({
  from: ZApiInstant.optional().meta({ description: "Appointments starting at or after this instant." }),
  to: ZApiInstant.optional().meta({ description: "Appointments starting before this instant." }),
  staffId: ZId.optional(),
  customerId: ZId.optional(),
  status: ZAppointmentStatus.optional(),
  ...ZUpdatedSince,
  ...ZListQueryBase,
});

export const ZApiAppointment = z.object({
  id: z.string(),
  status: ZAppointmentStatus,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  serviceId: z.string(),
  service: z.object({ id: z.string(), name: z.string() }),
  staffId: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  customerId: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  note: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  durationMinutes: z.number().int(),
  source: z.enum(["WEB", "DASHBOARD", "API"]),
  cancellationReason: z.string().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().meta({ description: "Raised by every change; the ETag is this number." }),
  visitId: z
    .string()
    .nullable()
    .meta({ description: "The visit this appointment is a segment of; a single-service booking is a visit of one." }),
  paymentUrl: z.url().optional().meta({
    description: "While PENDING_PAYMENT: where the customer pays the deposit. The slot is held until payment.holdUntil.",
  }),
  payment: ZApiPayment.optional(),
});
export type TApiAppointment = z.infer<typeof ZApiAppointment>;

export const ZApiAppointmentPage = z.object({ items: z.array(ZApiAppointment), ...ZPageMeta });

export function toApiAppointment(view: AppointmentView): TApiAppointment {
  return {
    ...view,
    startsAt: view.startsAt.toISOString(),
    endsAt: view.endsAt.toISOString(),
    cancelledAt: view.cancelledAt?.toISOString() ?? null,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

/** An appointment as the API shows it: the example of the docs (webhooks, visits). */
export const appointmentExample = {
  id: "cm5appt0000000000000000",
  status: "BOOKED",
  startsAt: "2030-01-07T10:00:00.000Z",
  endsAt: "2030-01-07T11:00:00.000Z",
  serviceId: "cm5svc00000000000000000",
  service: { id: "cm5svc00000000000000000", name: "Cut and finish" },
  staffId: "cm5staff000000000000000",
  staff: { id: "cm5staff000000000000000", name: "Alex" },
  customerId: "cm5cust0000000000000000",
  customer: { id: "cm5cust0000000000000000", name: "Casey", email: "casey@example.com" },
  note: null,
  priceCents: 5000,
  currency: "GBP",
  durationMinutes: 60,
  source: "API",
  cancellationReason: null,
  cancelledAt: null,
  createdAt: "2030-01-01T09:00:00.000Z",
  updatedAt: "2030-01-01T09:00:00.000Z",
  version: 1,
  visitId: "cm5appt0000000000000000",
} satisfies z.input<typeof ZApiAppointment>;
