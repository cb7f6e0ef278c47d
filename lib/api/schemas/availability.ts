import { z } from "zod";
import type { AvailableSlot } from "@/lib/booking/data";
import type { AvailableVisitSlot } from "@/lib/visits/data";
import { ZAvailabilityQueryFields } from "@/lib/booking/schema";
import { ZApiInstant } from "@/lib/api/schemas/common";
import { AppError } from "@/lib/errors";
import { isValidTimeZone, offsetMinutesAt, toWallClock, formatLocalTime } from "@/lib/time/zoned";

const fields = ZAvailabilityQueryFields.shape;

/** The `staffId` value that leaves a position (or a single service) to anyone who performs it. */
export const ANY_STYLIST = "any";

export const ZApiAvailabilityQuery = z.strictObject({
  serviceId: fields.serviceId.meta({
    description:
      "Repeat it (`serviceId=A&serviceId=B`, up to 5) for a visit of those services in that order: each slot then lists its `segments`.",
  }),
  staffId: z
    .union([fields.staffId.unwrap(), z.literal(ANY_STYLIST)])
    .optional()
    .meta({
      description:
        "Only this stylist; `any` (or leaving it out) means anyone who performs the service. For a visit, give it once for the same stylist in every segment, or repeat it once per `serviceId`, in the same order, each `any` or an id (`serviceId=A&serviceId=B&staffId=S1&staffId=any`).",
      example: "cm5staff000000000000000",
    }),
  from: ZApiInstant,
  to: ZApiInstant.meta({ description: "At most 62 days after `from`." }),
  timeZone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, "must be an IANA timezone such as Europe/London")
    .optional()
    .meta({ description: "Label slots (localDate, localTime) in this IANA zone instead of the salon's.", example: "America/New_York" }),
});

export const ZApiSlot = z
  .object({
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    staffId: z.string(),
    staffName: z.string(),
    localDate: z.string().meta({ example: "2030-01-07" }),
    localTime: z.string().meta({
      description: "Wall-clock start with its UTC offset, so the two 01:00 slots of a clocks-back day differ.",
      example: "10:00+00:00",
    }),
    segments: z
      .array(z.object({ serviceId: z.string(), staffId: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }))
      .optional()
      .meta({
        description:
          "Visits only (several `serviceId`): who does each service and when. `staffId` and `endsAt` are then the first stylist's and the visit's end.",
        example: [
          {
            serviceId: "cm5svccut000000000000000",
            staffId: "cm5staff000000000000000",
            startsAt: "2030-01-07T10:00:00.000Z",
            endsAt: "2030-01-07T11:00:00.000Z",
          },
          {
            serviceId: "cm5svccolour0000000000000",
            staffId: "cm5staff000000000000000",
            startsAt: "2030-01-07T11:00:00.000Z",
            endsAt: "2030-01-07T12:00:00.000Z",
          },
        ],
      }),
  })
  .meta({ id: "Slot" });

export const ZApiAvailability = z.object({
  timezone: z.string().meta({ description: "The zone localDate and localTime are in.", example: "Europe/London" }),
  salonTimezone: z.string().meta({ example: "Europe/London" }),
  horizonEndsAt: z.iso.datetime().meta({ description: "No start at or after this is bookable; the range is cut here." }),
  slots: z.array(ZApiSlot),
});

/**
 * A visit's items from the repeated `serviceId` and `staffId` of the query: no `staffId` or one for every
 * segment, or one per service in the same order; `any` leaves that position to anyone.
 */
export function visitItemsOfQuery(
  serviceIds: readonly string[],
  staffIds: readonly string[],
): { serviceId: string; staffId: string | null }[] {
  if (staffIds.length > 1 && staffIds.length !== serviceIds.length) {
    throw new AppError("VALIDATION", "Give `staffId` once for every segment, or once per `serviceId` in the same order.", [
      { path: "staffId", message: `Expected 1 or ${serviceIds.length} values, got ${staffIds.length}.` },
    ]);
  }
  const staffOf = (i: number) => {
    const staffId = staffIds.length > 1 ? staffIds[i]! : staffIds[0];
    return !staffId || staffId === ANY_STYLIST ? null : staffId;
  };
  return serviceIds.map((serviceId, i) => ({ serviceId, staffId: staffOf(i) }));
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** A slot on the wire, labelled in `timeZone`; the offset makes each label name one instant. */
export function toApiSlot(slot: AvailableSlot, timeZone: string): z.infer<typeof ZApiSlot> {
  const instant = slot.startsAt.getTime();
  return {
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    staffId: slot.staffId,
    staffName: slot.staffName,
    localDate: toWallClock(instant, timeZone).date,
    localTime: `${formatLocalTime(instant, timeZone)}${offsetLabel(offsetMinutesAt(instant, timeZone))}`,
  };
}

/** A visit's slot on the wire: the first segment's stylist up front, every segment listed. */
export function toApiVisitSlot(slot: AvailableVisitSlot, timeZone: string): z.infer<typeof ZApiSlot> {
  const first = slot.segments[0]!;
  return {
    ...toApiSlot({ ...slot, staffId: first.staffId, staffName: first.staffName }, timeZone),
    segments: slot.segments.map((segment) => ({
      serviceId: segment.serviceId,
      staffId: segment.staffId,
      startsAt: segment.startsAt.toISOString(),
      endsAt: segment.endsAt.toISOString(),
    })),
  };
}
