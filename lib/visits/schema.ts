import { z } from "zod";
import {
  MAX_NOTE_LENGTH,
  refineAvailabilityRange,
  ZBookAppointmentInput,
  ZBookingSource,
  ZExpectedVersion,
  ZId,
  ZInstant,
} from "@/lib/booking/schema";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";

/**
 * Inputs of the visit core (several services booked as one sequence), shared by forms, actions and the
 * API. Isomorphic, strict, like lib/booking/schema.ts.
 */

/** One service of a visit and, optionally, who does it (absent or null: anyone who performs it). */
export const ZVisitItem = z.object({ serviceId: ZId, staffId: ZId.nullish() }).strict();

const ZVisitItems = z.array(ZVisitItem).min(1).max(MAX_VISIT_SEGMENTS);

export const ZBookVisitInput = z
  .object({
    customerId: ZId,
    startsAt: ZInstant,
    items: ZVisitItems,
    /** One stylist for every segment (among those who perform every service). */
    sameStylist: z.boolean().optional(),
    note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
    source: ZBookingSource,
    /** Staff only: book without the deposit a service asks for (taken in person), as for one appointment. */
    payment: ZBookAppointmentInput.shape.payment,
  })
  .strict();

export const ZRescheduleVisitInput = z.object({ visitId: ZId, startsAt: ZInstant, expectedVersion: ZExpectedVersion.optional() }).strict();

export const ZCancelVisitInput = z
  .object({
    visitId: ZId,
    /** Optional for customers, required for staff (checked by the mutation, which knows the actor). */
    reason: z.string().trim().min(1).max(MAX_NOTE_LENGTH).optional(),
    expectedVersion: ZExpectedVersion.optional(),
  })
  .strict();

/** Staff hand one segment of a visit to another stylist at the same time; the rest of the visit stays. */
export const ZReassignSegmentInput = z.object({ appointmentId: ZId, staffId: ZId, expectedVersion: ZExpectedVersion.optional() }).strict();

export const ZVisitAvailabilityQuery = z
  .object({
    items: ZVisitItems,
    sameStylist: z.boolean().optional(),
    from: ZInstant,
    to: ZInstant,
    /** Rescheduling: the visit being moved must not block its own new time (the caller checked it may see it). */
    excludeVisitId: ZId.optional(),
  })
  .strict()
  .superRefine(refineAvailabilityRange);

export type TVisitItem = z.infer<typeof ZVisitItem>;
export type TBookVisitInput = z.input<typeof ZBookVisitInput>;
export type TRescheduleVisitInput = z.input<typeof ZRescheduleVisitInput>;
export type TCancelVisitInput = z.input<typeof ZCancelVisitInput>;
export type TReassignSegmentInput = z.input<typeof ZReassignSegmentInput>;
export type TVisitAvailabilityQuery = z.input<typeof ZVisitAvailabilityQuery>;
