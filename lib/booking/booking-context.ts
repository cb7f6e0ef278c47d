import { z } from "zod";
import type { PaymentPolicy } from "@/lib/payments/deposit-policy";
import type { PatchTestFacts } from "@/lib/patch-tests/booking-rule";
import type { SalonAndServiceRow, StaffScheduleRow } from "./availability-input";

/**
 * The row of prisma/sql/bookingContext.sql, checked at the edge: raw SQL has no generated types, so
 * zod stands between the database's JSON and the booking rules.
 */
const ZInstantRange = z.object({ from: z.number(), until: z.number() });

const ZStaffSchedule = z.object({
  staffId: z.string(),
  name: z.string(),
  active: z.boolean(),
  performsService: z.boolean(),
  workingHours: z.array(z.object({ weekday: z.number().int(), startMinute: z.number().int(), endMinute: z.number().int() })),
  timeOff: z.array(ZInstantRange),
  busy: z.array(ZInstantRange),
});

/** Columns of one type, listed together: the row is wide and most of it is plain numbers and flags. */
function columns<T extends z.ZodType, K extends string>(type: T, ...names: K[]): Record<K, T> {
  return Object.fromEntries(names.map((name) => [name, type])) as Record<K, T>;
}

const int = z.number().int();

export const ZBookingContextRow = z.object({
  timezone: z.string(),
  ...columns(int, "slotStepMinutes", "minNoticeMinutes", "bookingHorizonDays", "cancelCutoffMinutes", "rescheduleCutoffMinutes"),
  ...columns(int, "maxFutureBookingsPerCustomer", "patchTestMaxAgeMonths", "processingMinutes", "upcomingBookings"),
  ...columns(int, "paymentHoldMinutes", "lateCancelFeeCents", "noShowFeeCents"),
  ...columns(
    int.nullable(),
    "durationMinutes",
    "bufferBeforeMinutes",
    "bufferAfterMinutes",
    "priceCents",
    "depositCents",
    "depositPercent",
  ),
  ...columns(z.string().nullable(), "patchTestServiceName", "serviceId", "serviceName", "currency"),
  ...columns(z.boolean().nullable(), "patchTestServiceActive", "serviceActive"),
  ...columns(z.boolean(), "requiresPatchTest", "bufferInsideVisit", "cardRequired", "customerExists"),
  negativePatchTests: z.array(z.number()),
  staff: z.array(ZStaffSchedule),
});

export type BookingContext = {
  salon: SalonAndServiceRow;
  staff: StaffScheduleRow[];
  /** The foreign key is the final check; this one answers before the availability rules do. */
  customerExists: boolean;
  /** The customer's BOOKED (or held for payment) appointments starting after `now` (0 without a customer). */
  upcomingBookings: number;
  patchTest: PatchTestFacts;
  payment: PaymentPolicy;
};

export function toBookingContext(row: z.output<typeof ZBookingContextRow>): BookingContext {
  const {
    staff,
    customerExists,
    upcomingBookings,
    negativePatchTests,
    requiresPatchTest,
    patchTestMaxAgeMonths,
    depositCents,
    depositPercent,
    cardRequired,
    paymentHoldMinutes,
    lateCancelFeeCents,
    noShowFeeCents,
    ...salon
  } = row;
  const { patchTestServiceName, patchTestServiceActive, ...rest } = salon;
  return {
    salon: rest,
    staff,
    customerExists,
    upcomingBookings,
    patchTest: {
      required: requiresPatchTest,
      maxAgeMonths: patchTestMaxAgeMonths,
      service: patchTestServiceName === null ? null : { name: patchTestServiceName, active: patchTestServiceActive ?? false },
      negativeTestedAt: negativePatchTests,
    },
    payment: {
      rule: { depositCents, depositPercent, cardRequired },
      fees: { lateCancelFeeCents, noShowFeeCents },
      holdMinutes: paymentHoldMinutes,
    },
  };
}
