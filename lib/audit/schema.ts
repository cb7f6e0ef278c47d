import { z } from "zod";

/**
 * The admin audit log's vocabulary (isomorphic): what kinds of things are audited, and the filters the
 * audit page accepts in its URL.
 */
export const AUDIT_ENTITY_KINDS = [
  "service",
  "stylist",
  "working-hours",
  "time-off",
  "settings",
  "account",
  "invitation",
  "api-key",
  "customer",
  "webhook",
] as const;
export type AuditEntityKind = (typeof AUDIT_ENTITY_KINDS)[number];

export const AUDIT_ENTITY_LABELS: Record<AuditEntityKind, string> = {
  service: "Services and prices",
  stylist: "Stylist profiles",
  "working-hours": "Working hours",
  "time-off": "Time off",
  settings: "Salon settings",
  account: "Accounts, team and roles",
  invitation: "Invitations",
  "api-key": "API keys",
  customer: "Customer profiles",
  webhook: "Webhook endpoints",
};

export const AUDIT_SOURCE_LABELS = { WEB: "Dashboard", API: "API key", CLI: "Command line", SYSTEM: "System" } as const;

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-26.");

/** Each filter falls back to "not set" when malformed, so a hand-edited URL still shows the log. */
export const ZAuditQuery = z.object({
  kind: z.enum(AUDIT_ENTITY_KINDS).optional().catch(undefined),
  actor: z.string().min(1).max(191).optional().catch(undefined),
  from: ZLocalDate.optional().catch(undefined),
  to: ZLocalDate.optional().catch(undefined),
  cursor: z.string().min(1).max(200).optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
