import { z } from "zod";

/** A customer record staff create on someone's behalf (phone bookings, partner sites). */
export const ZCreateCustomerInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  phone: z.string().trim().min(3).max(40).optional(),
});
export type TCreateCustomerInput = z.input<typeof ZCreateCustomerInput>;

export const ZCustomerSearch = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
});

const ZCustomerId = z.string().min(1).max(191);

/** Staff correcting a customer's contact details; a blank phone clears it. */
export const ZUpdateCustomerContactInput = ZCreateCustomerInput.extend({
  customerId: ZCustomerId,
  phone: ZCreateCustomerInput.shape.phone.nullable(),
});
export type TUpdateCustomerContactInput = z.input<typeof ZUpdateCustomerContactInput>;

/** How a customer gave (or withdrew) consent to marketing email, as staff record it. */
export const CONSENT_SOURCES = { IN_PERSON: "In person", PHONE: "By phone", EMAIL: "By email", WEB: "Online" } as const;
export const ZMarketingConsentInput = z.strictObject({
  customerId: ZCustomerId,
  consent: z.boolean(),
  source: z.enum(Object.keys(CONSENT_SOURCES) as [keyof typeof CONSENT_SOURCES, ...(keyof typeof CONSENT_SOURCES)[]]),
});
export type TMarketingConsentInput = z.input<typeof ZMarketingConsentInput>;

export const ZAddCustomerNoteInput = z.strictObject({
  customerId: ZCustomerId,
  body: z.string().trim().min(1, "Write the note.").max(2000),
});
export type TAddCustomerNoteInput = z.input<typeof ZAddCustomerNoteInput>;

export const ZMarketingConsentForm = z.object({
  customerId: ZCustomerId,
  consent: z.enum(["given", "withdrawn"]),
  source: ZMarketingConsentInput.shape.source,
});

/** Deleting an account cannot be undone: the customer types the word to confirm. */
export const ZDeleteAccountForm = z.object({
  confirm: z
    .string()
    .trim()
    .refine((value) => value.toUpperCase() === "DELETE", 'Type "DELETE" to confirm.'),
});
