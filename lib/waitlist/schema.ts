import { z } from "zod";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";
import { ZLocalDate } from "@/lib/time/local-date";

/**
 * A waitlist entry as every door states it (booking flow, dashboard, API). A window is a part of the day
 * the booking flow names (morning / afternoon / evening) or explicit salon-local hours in minutes.
 */
export const ZDayPartWindow = z.enum(["morning", "afternoon", "evening"]);

export const ZMinuteWindow = z
  .object({ startMinute: z.number().int().min(0).max(1439), endMinute: z.number().int().min(1).max(1440) })
  .strict()
  .refine((window) => window.endMinute > window.startMinute, { message: "A window must end after it starts.", path: ["endMinute"] });

export const ZWaitlistWindow = z.union([ZDayPartWindow, ZMinuteWindow]);
export type TWaitlistWindow = z.infer<typeof ZWaitlistWindow>;

/** The longest date range one entry may cover, first and last day included. */
export const MAX_WAITLIST_RANGE_DAYS = 30;

export const ZJoinWaitlistInput = z
  .object({
    customerId: z.string().min(1),
    // One service, or a visit: the services in the order they are done, back to back, matched only whole.
    serviceIds: z.array(z.string().min(1)).min(1).max(MAX_VISIT_SEGMENTS, `A visit has at most ${MAX_VISIT_SEGMENTS} services.`),
    staffId: z.string().min(1).nullish(),
    from: ZLocalDate,
    to: ZLocalDate,
    windows: z.array(ZWaitlistWindow).max(6).default([]),
    source: z.enum(["WEB", "DASHBOARD", "API"]),
  })
  .strict();
export type TJoinWaitlistInput = z.input<typeof ZJoinWaitlistInput>;

export const ZWaitlistEntryStatus = z.enum(["ACTIVE", "FULFILLED", "LEFT"]);

export const ZListWaitlistFilters = z
  .object({
    customerId: z.string().min(1).optional(),
    staffId: z.string().min(1).optional(),
    serviceId: z.string().min(1).optional(),
    /** Entries whose range covers this salon-local day. */
    date: ZLocalDate.optional(),
    status: ZWaitlistEntryStatus.optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export type TListWaitlistFilters = z.input<typeof ZListWaitlistFilters>;

/** The booking flow's join form: the selection it came from (one service or a visit), the dates and the parts of the day. */
export const ZJoinWaitlistForm = z.object({
  serviceId: z.string().min(1, "Choose a service first."),
  /** A visit's further services, in order (the booking flow's repeated `also=`). */
  also: z.array(z.string().min(1)).default([]),
  staffId: z.string().optional(),
  from: ZLocalDate,
  to: ZLocalDate,
  windows: z.array(ZDayPartWindow).default([]),
});

/** The dashboard's add form: the customer by email, the rest as in the booking flow. */
export const ZStaffAddWaitlistForm = ZJoinWaitlistForm.extend({
  customerEmail: z.email("Enter the customer's email address."),
});

export const ZWaitlistEntryIdForm = z.object({ entryId: z.string().min(1) });
export const ZWaitlistOfferIdForm = z.object({ offerId: z.string().min(1) });
