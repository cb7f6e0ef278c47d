import { AppError } from "@/lib/errors";
import { formatLocalTime, toWallClock } from "@/lib/time/zoned";
import { computeAvailability, type AvailabilityInput } from "./availability";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Why a requested start breaks the salon's booking rules, as a 422 naming the rule and what would be
 * valid — or nothing, when the rules allow it (then only someone else's booking can stand in the way,
 * which is the 409 SLOT_UNAVAILABLE race). `staffIds` are the stylists who could take it.
 */
export function assertStartFollowsRules(availability: Omit<AvailabilityInput, "range">, staffIds: string[], startsAt: number): void {
  const { settings, now } = availability;
  const zone = settings.timezone;
  const when = (instant: number) =>
    `${new Date(instant).toISOString()} (${toWallClock(instant, zone).date} ${formatLocalTime(instant, zone)} ${zone})`;
  const earliest = now + settings.minNoticeMinutes * MINUTE_MS;
  const horizonEndsAt = now + settings.bookingHorizonDays * DAY_MS;
  if (startsAt < now) throw rule("SLOT_IN_PAST", `That time has passed. The earliest bookable start is ${when(earliest)}.`);
  if (startsAt < earliest) {
    throw rule(
      "BEFORE_MINIMUM_NOTICE",
      `The salon needs ${settings.minNoticeMinutes} minutes' notice: the earliest bookable start is ${when(earliest)}.`,
    );
  }
  if (startsAt >= horizonEndsAt) {
    throw rule("BEYOND_HORIZON", `Bookings open ${settings.bookingHorizonDays} days ahead: start before ${when(horizonEndsAt)}.`);
  }
  const offGrid = (toWallClock(startsAt, zone).minuteOfDay % settings.slotStepMinutes) * MINUTE_MS + (startsAt % MINUTE_MS);
  if (offGrid !== 0) {
    const before = startsAt - offGrid;
    throw rule(
      "OFF_SLOT_GRID",
      `Starts are every ${settings.slotStepMinutes} minutes from midnight in ${zone}: the nearest are ${when(before)} and ${when(before + settings.slotStepMinutes * MINUTE_MS)}.`,
    );
  }
  // Free of every booking: if the time still is not offered, the hours (or time off) rule it out.
  const staff = availability.staff.filter((member) => staffIds.includes(member.staffId)).map((member) => ({ ...member, busy: [] }));
  const { anyStaff } = computeAvailability({ ...availability, staff, range: { from: startsAt, until: startsAt + 1 } });
  if (!anyStaff.some((slot) => slot.startsAt === startsAt)) {
    throw rule(
      "OUTSIDE_WORKING_HOURS",
      `No stylist for this service works at ${when(startsAt)} for the whole appointment. Ask GET /availability for open times.`,
    );
  }
}

function rule(
  code: "SLOT_IN_PAST" | "BEFORE_MINIMUM_NOTICE" | "BEYOND_HORIZON" | "OFF_SLOT_GRID" | "OUTSIDE_WORKING_HOURS",
  detail: string,
) {
  return new AppError(code, detail, [{ path: "startsAt", message: detail }]);
}
