import { z } from "zod";
import { MAX_NOTE_LENGTH } from "@/lib/booking/schema";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";

/** Form fields of the customer's booking actions (strings from FormData), turned into core inputs. */
const ZId = z.string().min(1).max(191);
const ZStart = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const ZConfirmBookingForm = z.object({
  service: ZId,
  staff: ZId,
  start: ZStart,
  note: z.string().trim().max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH} characters.`).optional(),
});

/** A visit of several services: their ids travel as one comma-separated field, in visit order. */
export const ZConfirmVisitForm = ZConfirmBookingForm.omit({ service: true }).extend({
  services: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(ZId).min(2).max(MAX_VISIT_SEGMENTS)),
});

export const ZRescheduleForm = z.object({
  appointmentId: ZId,
  version: z.coerce.number().int().positive(),
  start: ZStart,
});

export const ZCancelForm = z.object({
  appointmentId: ZId,
  version: z.coerce.number().int().positive(),
  reason: z.string().trim().max(MAX_NOTE_LENGTH, `Keep the reason under ${MAX_NOTE_LENGTH} characters.`).optional(),
});

export const ZNoteForm = z.object({
  appointmentId: ZId,
  version: z.coerce.number().int().positive(),
  note: z.string().trim().max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH} characters.`),
});

export type TCancelForm = z.infer<typeof ZCancelForm>;
