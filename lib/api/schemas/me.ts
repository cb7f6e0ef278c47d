import { z } from "zod";

export const ZApiMe = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["CUSTOMER", "STAFF", "ADMIN"]),
  }),
  apiKey: z.object({ id: z.string(), scopes: z.array(z.string()) }),
});
