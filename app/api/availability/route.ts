import { NextResponse, type NextRequest } from "next/server";
import { actorOf, currentUser } from "@/lib/auth/session";
import { getAvailability, isAppointmentVisible } from "@/lib/booking/data";
import { ANY_STAFF } from "@/lib/customer-portal/selection";
import { monthRange, ZMonthAvailabilityRequest, type MonthAvailabilityJson } from "@/lib/customer-portal/availability-request";
import { clientIp } from "@/lib/auth/client-ip";
import { isAppError } from "@/lib/errors";
import { availabilityReadsPerIp } from "@/lib/rate-limit/policies";
import { takeAllowance } from "@/lib/rate-limit/take-allowance";
import { isOverRateLimit } from "@/lib/rate-limit/window";

/**
 * Free slots for a month, for the booking page's TanStack Query. Public on purpose: guests browse times
 * before signing in; it reveals only what the salon would offer anyone.
 */
export async function GET(request: NextRequest) {
  const limited = await refuseIfRateLimited(request);
  if (limited) return limited;
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const parsed = ZMonthAvailabilityRequest.safeParse(params);
  if (!parsed.success) return NextResponse.json({ code: "VALIDATION", message: parsed.error.issues[0]?.message }, { status: 422 });
  const { serviceId, staffId, month, excludeAppointmentId } = parsed.data;
  // Excluding an appointment frees its time, which would reveal when someone else is booked: only its
  // owner (or staff) may ask. Anyone else gets the same 404 as a missing id, so ids cannot be probed.
  if (excludeAppointmentId && !(await mayExclude(excludeAppointmentId))) {
    return NextResponse.json({ code: "NOT_FOUND", message: "That appointment does not exist." }, { status: 404 });
  }
  try {
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
    return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ code: error.code, message: error.message }, { status: error.status });
  }
}

/** Per client IP: the page asks once per month shown; a scraper asking for every month and stylist is cut off. */
async function refuseIfRateLimited(request: NextRequest): Promise<NextResponse | undefined> {
  const ip = clientIp(request.headers);
  if (!ip) return undefined;
  const state = await takeAllowance(availabilityReadsPerIp, ip);
  if (!isOverRateLimit(state)) return undefined;
  return NextResponse.json(
    { code: "RATE_LIMITED", message: `Too many requests; try again in ${state.resetSeconds} seconds.` },
    { status: 429, headers: { ...state.headers, "Retry-After": String(state.resetSeconds) } },
  );
}

async function mayExclude(appointmentId: string): Promise<boolean> {
  const user = await currentUser();
  return user !== null && isAppointmentVisible(actorOf(user), appointmentId);
}
