import { z } from "zod";

/**
 * Events an appointment change announces. They are written to the outbox in the same transaction as the
 * change and published afterwards (Inngest event id = outbox row id), so a committed change is never
 * lost and never announced twice.
 */

const appointmentRef = {
  appointmentId: z.string().min(1),
  /** The appointment's version after the change: consumers dedupe per (appointment, kind, version). */
  version: z.number().int().positive(),
};

export const ZAppointmentCreatedEvent = z.object({
  name: z.literal("appointment.created"),
  data: z.object(appointmentRef),
});

export const ZAppointmentRescheduledEvent = z.object({
  name: z.literal("appointment.rescheduled"),
  data: z.object({
    ...appointmentRef,
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
  data: z.object({ ...appointmentRef, reason: z.string().nullable() }),
});

export const ZOutboxEvent = z.discriminatedUnion("name", [
  ZAppointmentCreatedEvent,
  ZAppointmentRescheduledEvent,
  ZAppointmentCancelledEvent,
]);

export type TOutboxEvent = z.infer<typeof ZOutboxEvent>;
export type TOutboxEventName = TOutboxEvent["name"];
