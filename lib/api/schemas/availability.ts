import { z } from "zod";
import { ZAvailabilityQueryFields } from "@/lib/booking/schema";
import { ZApiInstant } from "@/lib/api/schemas/common";

const fields = ZAvailabilityQueryFields.shape;

export const ZApiAvailabilityQuery = z.strictObject({
  serviceId: fields.serviceId,
  staffId: fields.staffId,
  from: ZApiInstant,
  to: ZApiInstant.meta({ description: "At most 62 days after `from`." }),
});

export const ZApiSlot = z.object({
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  staffId: z.string(),
  staffName: z.string(),
  localDate: z.string().meta({ example: "2030-01-07" }),
  localTime: z.string().meta({ example: "10:00" }),
});

export const ZApiAvailability = z.object({
  timezone: z.string().meta({ example: "Europe/London" }),
  slots: z.array(ZApiSlot),
});
