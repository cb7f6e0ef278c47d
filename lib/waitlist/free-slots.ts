import "server-only";
import { getAvailability, type AvailableSlot } from "@/lib/booking/data";
import { MAX_AVAILABILITY_RANGE_DAYS } from "@/lib/booking/schema";
import { isAppError } from "@/lib/errors";
import type { FreedTime } from "./data";

const DAY_MS = 86_400_000;

/**
 * The stylist's bookable starts for a service inside the freed time, as the booking flow would offer
 * them (hours, time off, notice, horizon and every other booking). A stylist who no longer performs the
 * service or stopped taking bookings has none.
 */
export async function freeSlotsWithin(freed: FreedTime, serviceId: string, now: Date): Promise<AvailableSlot[]> {
  const from = Math.max(freed.from.getTime(), now.getTime());
  const until = Math.min(freed.until.getTime(), from + MAX_AVAILABILITY_RANGE_DAYS * DAY_MS);
  if (until <= from) return [];
  try {
    const { slots } = await getAvailability({ serviceId, staffId: freed.staffId, from: new Date(from), to: new Date(until) }, now);
    return slots;
  } catch (error) {
    if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) return [];
    throw error;
  }
}
