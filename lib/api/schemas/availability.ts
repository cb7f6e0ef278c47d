import { z } from "zod";
import type { AvailableSlot } from "@/lib/booking/data";
import { ZAvailabilityQueryFields } from "@/lib/booking/schema";
import { ZApiInstant } from "@/lib/api/schemas/common";
import { isValidTimeZone, offsetMinutesAt, toWallClock, formatLocalTime } from "@/lib/time/zoned";

const fields = ZAvailabilityQueryFields.shape;

export const ZApiAvailabilityQuery = z.strictObject({
  serviceId: fields.serviceId,
  staffId: fields.staffId,
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
  })
  .meta({ id: "Slot" });

export const ZApiAvailability = z.object({
  timezone: z.string().meta({ description: "The zone localDate and localTime are in.", example: "Europe/London" }),
  salonTimezone: z.string().meta({ example: "Europe/London" }),
  horizonEndsAt: z.iso.datetime().meta({ description: "No start at or after this is bookable; the range is cut here." }),
  slots: z.array(ZApiSlot),
});

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
