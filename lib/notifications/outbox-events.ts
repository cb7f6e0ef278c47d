import { z } from "zod";

/**
 * Events a change announces (an appointment's, or a schedule's). They are written to the outbox in the same transaction as the
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

/** Marked a no-show: the rest of its time is free again (the waitlist hears of it). */
export const ZAppointmentNoShowEvent = z.object({
  name: z.literal("appointment.no-show"),
  data: z.object(appointmentRef),
});

/** A stylist's schedule opened time that was closed (time off removed, a working day widened). */
export const ZScheduleTimeFreedEvent = z.object({
  name: z.literal("schedule.time-freed"),
  data: z.object({ staffId: z.string().min(1), from: z.iso.datetime(), until: z.iso.datetime() }),
});

export const ZOutboxEvent = z.discriminatedUnion("name", [
  ZAppointmentCreatedEvent,
  ZAppointmentRescheduledEvent,
  ZAppointmentCancelledEvent,
  ZAppointmentNoShowEvent,
  ZScheduleTimeFreedEvent,
]);

export type TOutboxEvent = z.infer<typeof ZOutboxEvent>;
export type TOutboxEventName = TOutboxEvent["name"];
/** The events about one appointment (every one but a schedule's). */
export type TAppointmentEventName = Exclude<TOutboxEventName, "schedule.time-freed">;

/** The OutboxEvent columns for `event`, validated: the one place an event becomes a row. */
export function outboxRowOf(event: TOutboxEvent): { type: TOutboxEventName; appointmentId: string | null; payload: TOutboxEvent["data"] } {
  const parsed = ZOutboxEvent.parse(event);
  return { type: parsed.name, appointmentId: "appointmentId" in parsed.data ? parsed.data.appointmentId : null, payload: parsed.data };
}
