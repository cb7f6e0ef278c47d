import { z } from "zod";

/** What a key may do; its owner's role limits it further (a customer's key never sees others' data). */
export const API_KEY_SCOPES = [
  "appointments:read",
  "appointments:write",
  "services:read",
  "services:write",
  "staff:read",
  "customers:read",
  "customers:write",
  "webhooks:read",
  "webhooks:write",
  "reports:read",
] as const;

/** Scopes only a key whose owner holds `apiKeys.adminScopes` may carry (they change the salon itself or reach its integrations). */
export const ADMIN_ONLY_SCOPES: readonly TApiKeyScope[] = ["services:write", "webhooks:read", "webhooks:write"];

export const ZApiKeyScope = z.enum(API_KEY_SCOPES);
export type TApiKeyScope = z.infer<typeof ZApiKeyScope>;

export const ZCreateApiKeyInput = z.strictObject({
  ownerId: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(ZApiKeyScope)
    .min(1)
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.date().nullable().optional(),
});
export type TCreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;

/** A key as listed: never the secret or its hash. */
export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  ownerId: string;
  ownerEmail: string;
  scopes: string[];
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};
