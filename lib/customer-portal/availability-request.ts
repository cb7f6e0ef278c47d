import { z } from "zod";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";
import { isBookableYear, OUT_OF_RANGE_MESSAGE } from "@/lib/time/bookable-range";
import { addMonths } from "@/lib/time/calendar-month";

/**
 * The booking page asks for one calendar month of slots at a time (GET /api/availability), which is
 * enough to mark the calendar's days and list a chosen day's times without another round trip.
 */
const ZRequestId = z.string().min(1).max(191);

export const ZMonthAvailabilityRequest = z.object({
  /** One service, or several (repeated `serviceId`, in order): a visit, its times from the visit engine. */
  serviceId: z.array(ZRequestId).max(MAX_VISIT_SEGMENTS),
  staffId: z.string().min(1).max(191).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM")
    .refine((month) => isBookableYear(Number(month.slice(0, 4))), `month ${OUT_OF_RANGE_MESSAGE}`),
  /** The appointment being rescheduled: honoured only for its owner or staff (checked by the route). */
  excludeAppointmentId: ZRequestId.optional(),
  /** A visit being rescheduled: its own segments (services, stylists) in its own free time (owner or staff only). */
  visitId: ZRequestId.optional(),
});

export type TMonthAvailabilityRequest = z.infer<typeof ZMonthAvailabilityRequest>;

/** A UTC range that surely covers the month in any timezone (±14 h), trimmed to the month by localDate. */
export function monthRange(month: string): { from: Date; to: Date } {
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(`${addMonths(month, 1)}-01T00:00:00Z`);
  return { from: new Date(from.getTime() - 86_400_000), to: new Date(to.getTime() + 86_400_000) };
}

/** The JSON shape of a slot (dates as ISO strings): shared by the route and the picker. */
export type SlotJson = {
  startsAt: string;
  endsAt: string;
  /** A visit's slot: its first segment's stylist. */
  staffId: string;
  staffName: string;
  localDate: string;
  localTime: string;
  /** Only for a visit of several services: who does each one, when. */
  segments?: { serviceId: string; staffId: string; staffName: string; startsAt: string; endsAt: string }[];
};
export type MonthAvailabilityJson = { timezone: string; slots: SlotJson[] };
