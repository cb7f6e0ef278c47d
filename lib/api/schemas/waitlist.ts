import { z } from "zod";
import { ZApiCreateAppointmentBody } from "@/lib/api/schemas/appointments";
import { ZId, ZListQueryBase, ZPageMeta } from "@/lib/api/schemas/common";
import type { WaitlistEntryView } from "@/lib/waitlist/data";
import { MAX_WAITLIST_RANGE_DAYS, ZJoinWaitlistInput, ZListWaitlistFilters, ZMinuteWindow } from "@/lib/waitlist/schema";

const joinFields = ZJoinWaitlistInput.shape;

export const ZApiCreateWaitlistBody = z
  .strictObject({
    serviceId: ZId.optional().meta({ description: "The service; or give `serviceIds`." }),
    serviceIds: joinFields.serviceIds.optional().meta({
      description:
        "1 to 5 services. More than one is a visit: the services in the order they are done, back to back, " +
        "offered only when the whole visit fits and booked whole. `staffId` then does every service.",
    }),
    staffId: joinFields.staffId.meta({ description: "Omit (or null) for any stylist." }),
    from: joinFields.from.meta({ description: "First salon-local day (YYYY-MM-DD), today or later." }),
    to: joinFields.to.meta({
      description: `Last salon-local day; at most ${MAX_WAITLIST_RANGE_DAYS} days in all. The entry expires after it.`,
    }),
    windows: joinFields.windows.optional().meta({
      description:
        'Parts of the day ("morning", "afternoon", "evening") or {startMinute, endMinute} in salon-local minutes; omit for any time.',
    }),
    customerId: ZApiCreateAppointmentBody.shape.customerId,
    customer: ZApiCreateAppointmentBody.shape.customer,
  })
  .refine((body) => (body.serviceId === undefined) !== (body.serviceIds === undefined), {
    message: "Give either `serviceId` or `serviceIds`.",
    path: ["serviceId"],
  })
  .meta({ description: "A new waitlist entry." });

export const ZApiWaitlistEntry = z.object({
  id: z.string(),
  customerId: z.string(),
  serviceIds: z.array(z.string()),
  staffId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  windows: z.array(ZMinuteWindow),
  status: z.enum(["ACTIVE", "FULFILLED", "LEFT"]),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});

export const ZApiWaitlistPage = z.object({ items: z.array(ZApiWaitlistEntry), ...ZPageMeta });

const filters = ZListWaitlistFilters.shape;
export const ZApiListWaitlistQuery = z.strictObject({
  customerId: filters.customerId.meta({ description: "Staff keys: one customer's entries." }),
  staffId: filters.staffId,
  serviceId: filters.serviceId,
  date: filters.date.meta({ description: "Entries whose range covers this salon-local day." }),
  status: filters.status,
  ...ZListQueryBase,
});

export function toApiWaitlistEntry(entry: WaitlistEntryView): z.infer<typeof ZApiWaitlistEntry> {
  return {
    id: entry.id,
    customerId: entry.customerId,
    serviceIds: entry.serviceIds,
    staffId: entry.staffId,
    from: entry.fromDate,
    to: entry.toDate,
    windows: ZMinuteWindow.array().parse(entry.windows),
    status: entry.status,
    expiresAt: entry.rangeUntil.toISOString(),
    createdAt: entry.createdAt.toISOString(),
  };
}
