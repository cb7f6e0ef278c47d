import { z } from "zod";
import { ZListQueryBase, ZPageMeta, ZUpdatedSince } from "@/lib/api/schemas/common";
import type { Customer } from "@/lib/customers/data";
import { ZCustomerSearch } from "@/lib/customers/schema";

export const ZApiCustomer = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZApiCustomerPage = z.object({ items: z.array(ZApiCustomer), ...ZPageMeta });

export const ZApiListCustomersQuery = ZCustomerSearch.extend({
  q: ZCustomerSearch.shape.q.meta({ description: "Part of the name or email (case-insensitive)." }),
  ...ZUpdatedSince,
  ...ZListQueryBase,
});

export function toApiCustomer(customer: Customer): z.infer<typeof ZApiCustomer> {
  return { ...customer, createdAt: customer.createdAt.toISOString(), updatedAt: customer.updatedAt.toISOString() };
}
