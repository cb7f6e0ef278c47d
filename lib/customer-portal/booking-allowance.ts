import "server-only";
import { isOverRateLimit, takeRateLimit } from "@/lib/api/rate-limit/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Booking, moving and cancelling on the web are counted per customer (the same fixed-window counters as
 * the API's keys), so a script behind one account cannot churn through the calendar; the per-customer
 * cap on upcoming bookings (booking core) stops it from simply holding every slot.
 */
export async function assertBookingAllowance(userId: string): Promise<void> {
  const state = await takeRateLimit("booking", userId, env().BOOKING_RATE_LIMIT_PER_MINUTE);
  if (isOverRateLimit(state)) {
    throw new AppError("RATE_LIMITED", `Too many booking changes in a minute. Please wait ${state.resetSeconds} seconds and try again.`);
  }
}
