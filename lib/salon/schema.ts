import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zoned";

/**
 * The salon's settings as an admin edits them (isomorphic). Bounds keep availability sane: a slot step
 * must divide an hour's worth of choices, cutoffs and notice are minutes, the horizon is days.
 */
const minutes = (max: number) => z.coerce.number().int("Whole minutes only.").min(0).max(max);

export const ZSalonSettingsInput = z.object({
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().min(1).max(300),
  timezone: z
    .string()
    .trim()
    .min(1)
    .refine((zone) => zone.includes("/") || zone === "UTC", "Use an IANA timezone such as Europe/London.")
    .refine(isValidTimeZone, "Unknown timezone: use an IANA name such as Europe/London."),
  slotStepMinutes: z.coerce
    .number()
    .int()
    .refine((step) => [5, 10, 15, 20, 30, 60].includes(step), "Choose 5, 10, 15, 20, 30 or 60 minutes."),
  minNoticeMinutes: minutes(60 * 24 * 14),
  bookingHorizonDays: z.coerce.number().int().min(1).max(365),
  cancelCutoffMinutes: minutes(60 * 24 * 14),
  rescheduleCutoffMinutes: minutes(60 * 24 * 14),
  reminderLeadMinutes: minutes(60 * 24 * 7),
  // Optional so a client that predates the setting leaves it as it is.
  maxFutureBookingsPerCustomer: z.coerce.number().int("Whole numbers only.").min(1).max(100).optional(),
  maxWaitlistEntriesPerCustomer: z.coerce.number().int("Whole numbers only.").min(1).max(20).optional(),
  waitlistOfferMode: z.enum(["ALL_AT_ONCE", "ONE_AT_A_TIME"]).optional(),
  waitlistHoldMinutes: z.coerce.number().int("Whole minutes only.").min(1).max(1440).optional(),
  patchTestMaxAgeMonths: z.coerce.number().int("Whole months only.").min(1).max(24).optional(),
  /** The service customers are pointed to when a booking needs a patch test; blank for none. */
  patchTestServiceId: z
    .string()
    .max(191)
    .nullish()
    .transform((id) => (id === undefined ? undefined : id || null)),
});
export type TSalonSettingsInput = z.infer<typeof ZSalonSettingsInput>;

/** Saved settings as the edit form's text fields hold them, so the form opens on what is stored. */
export function settingsFormValues(settings: Record<keyof TSalonSettingsInput, string | number | null>): Record<string, string> {
  return Object.fromEntries(ZSalonSettingsInput.keyof().options.map((key) => [key, String(settings[key] ?? "")]));
}
