import "server-only";
import { AppError } from "@/lib/errors";
import { bookingChangesPerCustomer } from "@/lib/rate-limit/policies";
import { takeAllowance } from "@/lib/rate-limit/take-allowance";
import { isOverRateLimit } from "@/lib/rate-limit/window";

/**
 * Booking, moving and cancelling on the web are counted per customer (the same fixed-window counters as
 * the API's keys), so a script behind one account cannot churn through the calendar; the per-customer
 * cap on upcoming bookings (booking core) stops it from simply holding every slot.
 */
export async function assertBookingAllowance(userId: string): Promise<void> {
  const state = await takeAllowance(bookingChangesPerCustomer, userId);
  if (isOverRateLimit(state)) {
    throw new AppError("RATE_LIMITED", `Too many booking changes in a minute. Please wait ${state.resetSeconds} seconds and try again.`);
  }
}
