import { z } from "zod";
import { ZBooleanFlag, ZListQueryBase, ZPageMeta, ZUpdatedSince } from "@/lib/api/schemas/common";
import type { ServiceDetail } from "@/lib/services/data";

export const ZApiService = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int().meta({ description: "Integer minor units (pence for GBP)." }),
  currency: z.string(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  active: z.boolean(),
  requiresPatchTest: z.boolean().meta({ description: "Booking it needs a valid patch test on record (else 422 PATCH_TEST_REQUIRED)." }),
  depositCents: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Fixed deposit taken at booking, in minor units; null = none (or a percentage)." }),
  depositPercent: z.number().int().nullable().meta({ description: "Deposit as a percentage of the price; null = none (or fixed)." }),
  cardRequired: z.boolean().meta({ description: "A card is saved at booking for late-cancellation and no-show fees." }),
  sortOrder: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** The fields a change can set, each optional: what a `service.updated` webhook says the change replaced. */
export const ZApiServiceChanges = ZApiService.omit({ id: true, createdAt: true, updatedAt: true }).partial();

export const ZApiServicePage = z.object({ items: z.array(ZApiService), ...ZPageMeta });

export const ZApiListServicesQuery = z.strictObject({
  includeInactive: ZBooleanFlag.meta({ description: "Include deactivated services (default false; with updatedSince, always included)." }),
  ...ZUpdatedSince,
  ...ZListQueryBase,
});

export function toApiService(service: ServiceDetail): z.infer<typeof ZApiService> {
  return { ...service, createdAt: service.createdAt.toISOString(), updatedAt: service.updatedAt.toISOString() };
}

/** A service's ETag token: its last-update time, which every write moves. */
export function serviceEtagToken(service: ServiceDetail): string {
  return String(service.updatedAt.getTime());
}
