import { z } from "zod";
import { ZBooleanFlag, ZId, ZListQueryBase, ZPageMeta } from "@/lib/api/schemas/common";

export const ZApiStaffMember = z.object({
  id: z.string(),
  name: z.string(),
  bio: z.string().nullable(),
  color: z.string(),
  active: z.boolean(),
  services: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: "What this stylist performs." }),
});

export const ZApiStaffPage = z.object({ items: z.array(ZApiStaffMember), ...ZPageMeta });

export const ZApiListStaffQuery = z.strictObject({
  serviceId: ZId.optional().meta({ description: "Only stylists who perform this service." }),
  includeInactive: ZBooleanFlag,
  ...ZListQueryBase,
});
