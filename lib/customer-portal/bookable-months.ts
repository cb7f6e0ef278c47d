import { monthOf } from "@/lib/time/calendar-month";
import { salonLocalDate } from "@/lib/time/format-when";

/** The calendar's month range: this month in the salon's timezone up to the end of the booking horizon. */
export function bookableMonths(salon: { timezone: string; bookingHorizonDays: number }, now = new Date()) {
  const lastDay = new Date(now.getTime() + salon.bookingHorizonDays * 86_400_000);
  return { min: monthOf(salonLocalDate(now, salon.timezone)), max: monthOf(salonLocalDate(lastDay, salon.timezone)) };
}
