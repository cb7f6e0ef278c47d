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
