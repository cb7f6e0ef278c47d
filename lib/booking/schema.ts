import { isBookableInstant, OUT_OF_RANGE_MESSAGE } from "@/lib/time/bookable-range";
import { z } from "zod";

/**
 * Inputs of the booking core, shared by forms, server actions and the public API (isomorphic: no server
 * imports). Objects are strict so a misspelt field is an error instead of being silently ignored.
 * Refinements live only on schemas nobody derives from: zod 4 refuses .pick/.omit on refined objects.
 */

/** Says what is wrong with "2030-01-07T10:00" (no offset), the most common mistake. */
export const INSTANT_FORMAT_MESSAGE = "must be an ISO 8601 instant with an offset, e.g. 2030-01-07T10:00:00Z or 2030-01-07T10:00:00+01:00";

/** An instant: a Date, or an ISO 8601 string that carries its offset (a bare local time is ambiguous). */
export const ZInstant = z
  .union([z.date(), z.iso.datetime({ offset: true, error: INSTANT_FORMAT_MESSAGE }).transform((value) => new Date(value))])
  .refine(isBookableInstant, OUT_OF_RANGE_MESSAGE)
  .meta({ description: "An instant as ISO 8601 with offset, e.g. 2030-01-07T10:00:00+00:00" });

export const ZId = z.string().min(1).max(191);
export const ZExpectedVersion = z.number().int().positive();

export const ZBookingSource = z.enum(["WEB", "DASHBOARD", "API"]);
export const ZAppointmentStatus = z.enum(["BOOKED", "CANCELLED", "COMPLETED", "NO_SHOW", "PENDING_PAYMENT", "EXPIRED"]);

export const MAX_NOTE_LENGTH = 1000;
/** Availability is computed per request; a bounded range keeps that request cheap. */
export const MAX_AVAILABILITY_RANGE_DAYS = 62;

/** Staff only: book or move a service that needs a patch test without a valid one on record, saying why. */
const ZPatchTestOverrideReason = z.string().trim().min(1).max(MAX_NOTE_LENGTH).optional();

export const ZBookAppointmentInput = z
  .object({
    customerId: ZId,
    serviceId: ZId,
    /** null or absent: any stylist, assigned by the "fewest booked minutes that day" rule. */
    staffId: ZId.nullish(),
    startsAt: ZInstant,
    note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
    source: ZBookingSource,
    /** Staff only: ignore working hours, notice, horizon and time off. Overlaps stay impossible. */
    overrideAvailability: z.boolean().optional(),
    patchTestOverrideReason: ZPatchTestOverrideReason,
    /** Staff only: book a service that asks for a deposit without one (paid at the desk, or not at all). */
    payment: z.enum(["waived"]).optional(),
  })
  .strict();

/** A change to one appointment, optionally at the version the caller saw (a stale one is refused). */
const ZAppointmentChange = z.object({ appointmentId: ZId, expectedVersion: ZExpectedVersion.optional() });

export const ZRescheduleAppointmentInput = ZAppointmentChange.extend({
  startsAt: ZInstant.optional(),
  staffId: ZId.optional(),
  serviceId: ZId.optional(),
  overrideAvailability: z.boolean().optional(),
  patchTestOverrideReason: ZPatchTestOverrideReason,
}).strict();

export const ZCancelAppointmentInput = ZAppointmentChange.extend({
  /** Optional for customers, required for staff (checked by the mutation, which knows the actor). */
  reason: z.string().trim().min(1).max(MAX_NOTE_LENGTH).optional(),
}).strict();

/** Complete and no-show: the appointment, the status it ends in and, optionally, the version the caller saw. */
export const ZFinishAppointmentInput = ZAppointmentChange.extend({ status: z.enum(["COMPLETED", "NO_SHOW"]) }).strict();

export const ZAddStaffNoteInput = z.object({ appointmentId: ZId, body: z.string().trim().min(1).max(MAX_NOTE_LENGTH) }).strict();

/** The customer's note on the booking; empty or null clears it. */
export const ZChangeCustomerNoteInput = ZAppointmentChange.extend({
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH)
    .nullable()
    .transform((note) => note || null),
}).strict();

/** The fields of an availability query, without the range rules: derive other schemas from this one. */
export const ZAvailabilityQueryFields = z
  .object({
    serviceId: ZId,
    staffId: ZId.optional(),
    from: ZInstant,
    to: ZInstant,
    // Rescheduling: the appointment being moved must not block its own new time. Callers pass it only
    // after checking the actor may see that appointment (this core function has no actor).
    excludeAppointmentId: ZId.optional(),
  })
  .strict();

/** An availability range: `to` after `from`, at most MAX_AVAILABILITY_RANGE_DAYS long. */
export function refineAvailabilityRange(query: { from: Date; to: Date }, ctx: z.RefinementCtx): void {
  const span = query.to.getTime() - query.from.getTime();
  if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be after `from`." });
  else if (span > MAX_AVAILABILITY_RANGE_DAYS * 86_400_000) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `The range may span at most ${MAX_AVAILABILITY_RANGE_DAYS} days.` });
  }
}

export const ZAvailabilityQuery = ZAvailabilityQueryFields.superRefine(refineAvailabilityRange);

export const ZListAppointmentsFilters = z
  .object({
    from: ZInstant.optional(),
    to: ZInstant.optional(),
    staffId: ZId.optional(),
    customerId: ZId.optional(),
    status: ZAppointmentStatus.optional(),
    updatedSince: ZInstant.optional(),
    cursor: z.string().min(1).max(500).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export type TBookingSource = z.infer<typeof ZBookingSource>;
export type TAppointmentStatus = z.infer<typeof ZAppointmentStatus>;
export type TBookAppointmentInput = z.infer<typeof ZBookAppointmentInput>;
export type TRescheduleAppointmentInput = z.infer<typeof ZRescheduleAppointmentInput>;
export type TCancelAppointmentInput = z.infer<typeof ZCancelAppointmentInput>;
export type TFinishAppointmentInput = z.infer<typeof ZFinishAppointmentInput>;
export type TAddStaffNoteInput = z.infer<typeof ZAddStaffNoteInput>;
export type TChangeCustomerNoteInput = z.input<typeof ZChangeCustomerNoteInput>;
export type TAvailabilityQuery = z.infer<typeof ZAvailabilityQuery>;
export type TListAppointmentsFilters = z.infer<typeof ZListAppointmentsFilters>;
