import { z } from "zod";
import type { SalonSettings } from "@/lib/salon/data";

export const ZApiSalon = z
  .object({
    name: z.string(),
    timezone: z.string().meta({ description: "IANA timezone the salon's hours and slots are in.", example: "Europe/London" }),
    currency: z.string().meta({ description: "ISO 4217 code of every price.", example: "GBP" }),
    locale: z.string().meta({
      description: "BCP 47 language tag the salon writes dates, times and prices in (its pages, emails and reports).",
      example: "en-GB",
    }),
    slotStepMinutes: z.number().int().meta({ description: "Starts are on this grid, counted from local midnight." }),
    minNoticeMinutes: z.number().int().meta({ description: "The earliest start is now plus this notice." }),
    bookingHorizonDays: z.number().int().meta({ description: "Starts must be before now plus this many days." }),
    cancelCutoffMinutes: z.number().int().meta({ description: "Customers cannot cancel online within this time before the start." }),
    rescheduleCutoffMinutes: z
      .number()
      .int()
      .meta({ description: "Customers cannot reschedule online within this time before the start." }),
    maxFutureBookingsPerCustomer: z.number().int().meta({ description: "Upcoming bookings one customer's key may hold." }),
  })
  .meta({ id: "Salon", description: "The salon's settings, so clients need not hard-code them." });

export function toApiSalon(settings: SalonSettings): z.infer<typeof ZApiSalon> {
  const { name, timezone, currency, locale, slotStepMinutes, minNoticeMinutes, bookingHorizonDays } = settings;
  const { cancelCutoffMinutes, rescheduleCutoffMinutes, maxFutureBookingsPerCustomer } = settings;
  return {
    name,
    timezone,
    currency: currency.trim(),
    locale,
    slotStepMinutes,
    minNoticeMinutes,
    bookingHorizonDays,
    cancelCutoffMinutes,
    rescheduleCutoffMinutes,
    maxFutureBookingsPerCustomer,
  };
}
