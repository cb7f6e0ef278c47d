import { assertWithinRateLimit } from "@/lib/api/rate-limit/rate-limit";
import { queryObject, validate } from "@/lib/api/validate";
import { withProblemRoute } from "@/lib/api/with-problem-route";
import { clientIp } from "@/lib/auth/client-ip";
import { actorOf, currentUser } from "@/lib/auth/session";
import { getAvailability, isAppointmentVisible } from "@/lib/booking/data";
import { ANY_STAFF } from "@/lib/customer-portal/selection";
import {
  monthRange,
  ZMonthAvailabilityRequest,
  type MonthAvailabilityJson,
  type SlotJson,
  type TMonthAvailabilityRequest,
} from "@/lib/customer-portal/availability-request";
import { AppError } from "@/lib/errors";
import { availabilityReadsPerIp } from "@/lib/rate-limit/policies";
import { takeAllowance } from "@/lib/rate-limit/take-allowance";
import { getVisit, getVisitAvailability } from "@/lib/visits/data";
import type { TVisitItem } from "@/lib/visits/schema";

/**
 * Free slots for a month, for the booking page's TanStack Query. Public on purpose: guests browse times
 * before signing in; it reveals only what the salon would offer anyone. Errors are problem+json.
 * Several `serviceId`s (in order) ask for a visit: start times at which the whole sequence fits.
 */
export const GET = withProblemRoute("/api/availability", async (request: Request) => {
  await assertWithinIpRateLimit(request);
  const params = new URL(request.url).searchParams;
  const query = validate(ZMonthAvailabilityRequest, { ...queryObject(request), serviceId: params.getAll("serviceId") }, "query");
  const slots = query.visitId || query.serviceId.length > 1 ? await visitSlots(query) : await serviceSlots(query);
  const body: MonthAvailabilityJson = {
    timezone: slots.timezone,
    slots: slots.slots.filter((slot) => slot.localDate.startsWith(query.month)),
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

async function serviceSlots({ serviceId, staffId, month, excludeAppointmentId }: TMonthAvailabilityRequest) {
  if (serviceId.length !== 1) throw new AppError("VALIDATION", "Name a service.", [{ path: "serviceId", message: "Required." }]);
  // Excluding an appointment frees its time, which would reveal when someone else is booked: only its
  // owner (or staff) may ask. Anyone else gets the same 404 as a missing id, so ids cannot be probed.
  if (excludeAppointmentId && !(await mayExclude(excludeAppointmentId))) {
    throw new AppError("NOT_FOUND", "That appointment does not exist.");
  }
  const result = await getAvailability({
    serviceId: serviceId[0]!,
    staffId: staffId === ANY_STAFF ? undefined : staffId,
    excludeAppointmentId,
    ...monthRange(month),
  });
  return {
    timezone: result.timezone,
    slots: result.slots.map((slot): SlotJson => ({ ...slot, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
  };
}

async function visitSlots({ serviceId, staffId, month, visitId }: TMonthAvailabilityRequest) {
  // A visit being moved keeps its services and stylists; only someone who may see it learns its free time.
  const items: TVisitItem[] = visitId
    ? await visitItems(visitId)
    : serviceId.map((id) => ({ serviceId: id, staffId: staffId === ANY_STAFF ? null : (staffId ?? null) }));
  const result = await getVisitAvailability({ items, excludeVisitId: visitId, ...monthRange(month) });
  return {
    timezone: result.timezone,
    slots: result.slots.map((slot): SlotJson => ({
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      staffId: slot.segments[0]!.staffId,
      staffName: slot.segments[0]!.staffName,
      localDate: slot.localDate,
      localTime: slot.localTime,
      segments: slot.segments.map((segment) => ({
        ...segment,
        startsAt: segment.startsAt.toISOString(),
        endsAt: segment.endsAt.toISOString(),
      })),
    })),
  };
}

async function visitItems(visitId: string): Promise<TVisitItem[]> {
  const user = await currentUser();
  if (!user) throw new AppError("NOT_FOUND", "That visit does not exist.");
  const visit = await getVisit(actorOf(user), visitId);
  const booked = visit.segments.filter((segment) => segment.status === "BOOKED");
  if (booked.length === 0) throw new AppError("NOT_FOUND", "That visit has nothing left to move.");
  return booked.map((segment) => ({ serviceId: segment.serviceId, staffId: segment.staffId }));
}

/** Per client IP: the page asks once per month shown; a scraper asking for every month and stylist is cut off. */
async function assertWithinIpRateLimit(request: Request): Promise<void> {
  const ip = clientIp(request.headers);
  if (ip) assertWithinRateLimit(await takeAllowance(availabilityReadsPerIp, ip));
}

async function mayExclude(appointmentId: string): Promise<boolean> {
  const user = await currentUser();
  return user !== null && isAppointmentVisible(actorOf(user), appointmentId);
}
