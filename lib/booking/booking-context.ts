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

const nullableInt = z.number().int().nullable();

export const ZBookingContextRow = z.object({
  timezone: z.string(),
  slotStepMinutes: z.number().int(),
  minNoticeMinutes: z.number().int(),
  bookingHorizonDays: z.number().int(),
  cancelCutoffMinutes: z.number().int(),
  rescheduleCutoffMinutes: z.number().int(),
  maxFutureBookingsPerCustomer: z.number().int(),
  patchTestMaxAgeMonths: z.number().int(),
  patchTestServiceName: z.string().nullable(),
  patchTestServiceActive: z.boolean().nullable(),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  serviceActive: z.boolean().nullable(),
  durationMinutes: nullableInt,
  bufferBeforeMinutes: nullableInt,
  bufferAfterMinutes: nullableInt,
  priceCents: nullableInt,
  currency: z.string().nullable(),
  requiresPatchTest: z.boolean(),
  processingMinutes: z.number().int(),
  bufferInsideVisit: z.boolean(),
  depositCents: nullableInt,
  depositPercent: nullableInt,
  cardRequired: z.boolean(),
  paymentHoldMinutes: z.number().int(),
  lateCancelFeeCents: z.number().int(),
  noShowFeeCents: z.number().int(),
  customerExists: z.boolean(),
  upcomingBookings: z.number().int(),
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
