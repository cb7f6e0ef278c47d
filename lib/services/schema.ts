import { z } from "zod";

/**
 * What staff (the dashboard) and admin API keys may set on a service. Money is integer minor units;
 * durations and buffers are minutes. Strict so a misspelt field is an error, not silently dropped.
 */
export const ZServiceFields = z.strictObject({
  slug: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens"),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
  category: z.string().trim().min(1).max(80),
  durationMinutes: z.number().int().min(5).max(720),
  priceCents: z.number().int().min(0).max(100_000_000),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "An ISO 4217 code such as GBP")
    .optional(),
  bufferBeforeMinutes: z.number().int().min(0).max(240).optional(),
  bufferAfterMinutes: z.number().int().min(0).max(240).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  requiresPatchTest: z.boolean().optional(),
  /** Deposit rule: a fixed amount, or a percentage of the price (setting one clears the other), or null. */
  depositCents: z.number().int().min(1).max(100_000_000).nullable().optional(),
  depositPercent: z.number().int().min(1).max(100).nullable().optional(),
  /** Nothing charged at booking, but a card saved for late-cancellation and no-show fees. */
  cardRequired: z.boolean().optional(),
});

export const ZCreateServiceInput = ZServiceFields;
export type TCreateServiceInput = z.infer<typeof ZCreateServiceInput>;

export const ZUpdateServiceInput = ZServiceFields.partial();
export type TUpdateServiceInput = z.infer<typeof ZUpdateServiceInput>;
