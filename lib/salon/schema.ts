import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zoned";

/**
 * The salon's settings as an admin edits them (isomorphic). Bounds keep availability sane: a slot step
 * must divide an hour's worth of choices, cutoffs and notice are minutes, the horizon is days.
 */
const minutes = (max: number) => z.coerce.number().int("Whole minutes only.").min(0).max(max);

/** What the salon shows dates, times and prices in until an admin chooses otherwise. */
export const DEFAULT_SALON_LOCALE = "en-GB";

/**
 * A BCP 47 tag in its canonical spelling ("de-de" → "de-DE"), or undefined when it is malformed or this
 * runtime has no formatting data for it (which would fall back to another language without saying so).
 */
export function canonicalLocale(tag: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
  if (!canonical) return undefined;
  const supported =
    Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0 && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0;
  return supported ? canonical : undefined;
}

const LOCALE_MESSAGE = "Use a language tag such as en-GB, de-DE or fr-FR.";

export const ZSalonLocale = z
  .string()
  .trim()
  // One check, so a bad tag gets one message (an empty one too: it has no canonical form).
  .refine((tag) => tag.length <= 35 && canonicalLocale(tag) !== undefined, LOCALE_MESSAGE)
  .transform((tag) => canonicalLocale(tag)!);

export const ZSalonSettingsInput = z.object({
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().min(1).max(300),
  timezone: z
    .string()
    .trim()
    .min(1)
    .refine((zone) => zone.includes("/") || zone === "UTC", "Use an IANA timezone such as Europe/London.")
    .refine(isValidTimeZone, "Unknown timezone: use an IANA name such as Europe/London."),
  // Optional so a client that predates the setting leaves it as it is.
  locale: ZSalonLocale.optional(),
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
  // The payments policy (docs/PAYMENTS.md); optional so a client that predates it leaves it as it is.
  lateCancelWindowMinutes: minutes(60 * 24 * 14).optional(),
  lateCancelFeeCents: z.coerce.number().int("Whole minor units (pence) only.").min(0).max(10_000_000).optional(),
  noShowFeeCents: z.coerce.number().int("Whole minor units (pence) only.").min(0).max(10_000_000).optional(),
  // A form's "true"/"false", or a boolean from code that passes the parsed settings on.
  depositCountsTowardPrice: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]).optional(),
  paymentHoldMinutes: z.coerce.number().int("Whole minutes only.").min(5).max(1440).optional(),
  /** The service customers are pointed to when a booking needs a patch test; blank for none. */
  patchTestServiceId: z
    .string()
    .max(191)
    .nullish()
    .transform((id) => (id === undefined ? undefined : id || null)),
});
export type TSalonSettingsInput = z.infer<typeof ZSalonSettingsInput>;

/** Saved settings as the edit form's text fields hold them, so the form opens on what is stored. */
export function settingsFormValues(settings: Record<keyof TSalonSettingsInput, string | number | boolean | null>): Record<string, string> {
  return Object.fromEntries(ZSalonSettingsInput.keyof().options.map((key) => [key, String(settings[key] ?? "")]));
}
