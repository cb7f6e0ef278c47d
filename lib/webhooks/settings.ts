import { parseServerEnv } from "@/lib/env";

export type WebhookSettings = {
  allowPrivateNetworks: boolean;
  /** Waits in ms before attempt 1, 2, …; its length is the number of attempts. */
  retrySchedule: number[];
  timeoutMs: number;
};

/** Response bodies are read up to this many bytes: enough for an error message, never a download. */
export const RESPONSE_BODY_LIMIT_BYTES = 4096;
/** How long the old secret keeps signing after a rotation, so receivers can switch without a gap. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** A sender's claim on a delivery it is sending; longer than any attempt can take. */
export const DELIVERY_LEASE_MS = 2 * 60_000;

let cached: WebhookSettings | undefined;

/** Decided once per process; `resetWebhookSettings()` lets tests change the environment. */
export function webhookSettings(): WebhookSettings {
  if (cached) return cached;
  const env = parseServerEnv(process.env);
  cached = {
    allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    retrySchedule: env.WEBHOOK_RETRY_SCHEDULE,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  };
  return cached;
}

export function resetWebhookSettings(): void {
  cached = undefined;
}
