import { assertWithinRateLimit } from "@/lib/api/rate-limit/rate-limit";
import { queryObject, validate } from "@/lib/api/validate";
import { withProblemRoute } from "@/lib/api/with-problem-route";
import { clientIp } from "@/lib/auth/client-ip";
import { actorOf, currentUser } from "@/lib/auth/session";
import { getAvailability, isAppointmentVisible } from "@/lib/booking/data";
import { ANY_STAFF } from "@/lib/customer-portal/selection";
import { monthRange, ZMonthAvailabilityRequest, type MonthAvailabilityJson } from "@/lib/customer-portal/availability-request";
import { AppError } from "@/lib/errors";
import { availabilityReadsPerIp } from "@/lib/rate-limit/policies";
import { takeAllowance } from "@/lib/rate-limit/take-allowance";

/**
 * Free slots for a month, for the booking page's TanStack Query. Public on purpose: guests browse times
 * before signing in; it reveals only what the salon would offer anyone. Errors are problem+json.
 */
export const GET = withProblemRoute("/api/availability", async (request: Request) => {
  await assertWithinIpRateLimit(request);
  const { serviceId, staffId, month, excludeAppointmentId } = validate(ZMonthAvailabilityRequest, queryObject(request), "query");
  // Excluding an appointment frees its time, which would reveal when someone else is booked: only its
  // owner (or staff) may ask. Anyone else gets the same 404 as a missing id, so ids cannot be probed.
  if (excludeAppointmentId && !(await mayExclude(excludeAppointmentId))) {
    throw new AppError("NOT_FOUND", "That appointment does not exist.");
  }
  const result = await getAvailability({
    serviceId,
    staffId: staffId === ANY_STAFF ? undefined : staffId,
    excludeAppointmentId,
    ...monthRange(month),
  });
  const body: MonthAvailabilityJson = {
    timezone: result.timezone,
    slots: result.slots
      .filter((slot) => slot.localDate.startsWith(month))
      .map((slot) => ({ ...slot, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

/** Per client IP: the page asks once per month shown; a scraper asking for every month and stylist is cut off. */
async function assertWithinIpRateLimit(request: Request): Promise<void> {
  const ip = clientIp(request.headers);
  if (ip) assertWithinRateLimit(await takeAllowance(availabilityReadsPerIp, ip));
}

async function mayExclude(appointmentId: string): Promise<boolean> {
  const user = await currentUser();
  return user !== null && isAppointmentVisible(actorOf(user), appointmentId);
}
