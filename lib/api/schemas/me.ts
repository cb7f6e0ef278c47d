import { z } from "zod";
import { ROLES } from "@/lib/auth/actor";

export const ZApiMe = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
  }),
  apiKey: z.object({ id: z.string(), scopes: z.array(z.string()) }),
});
