import { z } from "zod";
import { appointmentExample, ZApiAppointment, ZApiCreateAppointmentBody, toApiAppointment } from "@/lib/api/schemas/appointments";
import { ZApiInstant } from "@/lib/api/schemas/common";
import { ZBookVisitInput, ZVisitItem } from "@/lib/visits/schema";
import type { VisitView } from "@/lib/visits/visit-view";

const appointmentBody = ZApiCreateAppointmentBody.shape;

const cutExample = { id: "cm5svccut000000000000000", name: "Cut" };
const colourExample = { id: "cm5svccolour0000000000000", name: "Colour" };

const visitExample = {
  startsAt: "2030-01-07T10:00:00Z",
  items: [{ serviceId: cutExample.id }, { serviceId: colourExample.id, staffId: appointmentExample.staffId }],
  customerId: appointmentExample.customerId,
};

export const ZApiCreateVisitBody = z
  .strictObject({
    startsAt: ZApiInstant,
    items: ZBookVisitInput.shape.items.meta({
      description: "The services in order (1 to 5); each segment starts when the one before ends. Omit `staffId` for anyone.",
    }),
    sameStylist: ZBookVisitInput.shape.sameStylist.meta({ description: "One stylist for every segment." }),
    customerId: appointmentBody.customerId,
    customer: appointmentBody.customer,
    note: appointmentBody.note,
    payment: ZBookVisitInput.shape.payment.meta({
      description:
        "Staff keys: book a visit whose services ask for a deposit without one (taken in person). Otherwise such a visit answers PENDING_PAYMENT, every segment held, with one paymentUrl for the deposits added up.",
    }),
  })
  .meta({ description: "A visit: several services booked whole, or not at all.", example: visitExample });

export const ZApiRescheduleVisitBody = z
  .strictObject({ startsAt: ZApiInstant.meta({ description: "The new start of the whole visit; every segment moves with it." }) })
  .meta({ example: { startsAt: "2030-01-08T14:00:00Z" } });

const segmentExample = (id: string, service: { id: string; name: string }, startsAt: string, endsAt: string) => ({
  ...appointmentExample,
  id,
  startsAt,
  endsAt,
  serviceId: service.id,
  service,
  visitId: "cm5visit000000000000000",
});

/** A visit of a cut then a colour, as GET /visits/{id} answers it (the webhooks' `data` too). */
export const visitViewExample = {
  id: "cm5visit000000000000000",
  status: "BOOKED",
  startsAt: "2030-01-07T10:00:00.000Z",
  endsAt: "2030-01-07T12:00:00.000Z",
  customerId: appointmentExample.customerId,
  customer: appointmentExample.customer,
  priceCents: 9000,
  currency: "GBP",
  note: null,
  version: 2,
  segments: [
    segmentExample("cm5appt1000000000000000", cutExample, "2030-01-07T10:00:00.000Z", "2030-01-07T11:00:00.000Z"),
    segmentExample("cm5appt2000000000000000", colourExample, "2030-01-07T11:00:00.000Z", "2030-01-07T12:00:00.000Z"),
  ],
};

export const ZApiVisit = z
  .object({
    id: z.string(),
    status: ZApiAppointment.shape.status.meta({
      description:
        "BOOKED while any segment is; PENDING_PAYMENT while every segment is held for the visit's one deposit; CANCELLED when every segment is.",
    }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    customerId: z.string(),
    customer: ZApiAppointment.shape.customer,
    priceCents: z.number().int().meta({ description: "The segments' prices added up (cancelled segments left out)." }),
    currency: z.string(),
    note: z.string().nullable(),
    version: z.number().int().meta({ description: "The sum of the segments' versions; the ETag is this number." }),
    segments: z.array(ZApiAppointment).meta({ description: "One appointment per service, in order." }),
    paymentUrl: ZApiAppointment.shape.paymentUrl.meta({
      description:
        "In the answer to POST /visits while PENDING_PAYMENT: where the customer pays the visit's one deposit (every segment's, added up). Every segment is held until then.",
    }),
  })
  .meta({
    id: "Visit",
    example: visitViewExample,
  });

export function toApiVisit(visit: VisitView): z.infer<typeof ZApiVisit> {
  return {
    ...visit,
    startsAt: visit.startsAt.toISOString(),
    endsAt: visit.endsAt.toISOString(),
    segments: visit.segments.map(toApiAppointment),
  };
}

/** `serviceId` repeated in the availability query: the services of a visit, in order. */
export const ZApiVisitServiceIds = z.array(ZVisitItem.shape.serviceId).min(1).max(5);

/** `staffId` repeated in the availability query: one per service (an id or `any`), or one for all. */
export const ZApiVisitStaffIds = z.array(z.string().min(1).max(191)).max(5);
