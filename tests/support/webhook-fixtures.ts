import { Webhook } from "standardwebhooks";
import { beforeAll } from "vitest";
import * as endpoints from "@/app/api/v1/webhooks/route";
import { resetWebhookSettings } from "@/lib/webhooks/settings";
import { call } from "./api-client";
import { createSalon, createService, createStylist } from "./api-fixtures";
import { useEmbeddedDelivery } from "./notifications-fixtures";
import type { RecordedRequest } from "./http-stub";

/** Webhook settings for a test file: private networks allowed (the receivers are local) and a fast schedule. */
export function useWebhookSettings(settings: { allowPrivateNetworks?: boolean; schedule?: string; timeoutMs?: number } = {}): void {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = String(settings.allowPrivateNetworks ?? true);
  process.env.WEBHOOK_RETRY_SCHEDULE = settings.schedule ?? "0,40ms,40ms";
  process.env.WEBHOOK_TIMEOUT_MS = String(settings.timeoutMs ?? 2_000);
  resetWebhookSettings();
}

/**
 * The usual start of a webhook test file: in-process delivery, these settings and a salon with a service
 * and its stylist, before its tests. The returned ids are filled in by then.
 */
export function webhookSalonBeforeAll(): { serviceId: string; stylistId: string } {
  const salon = { serviceId: "", stylistId: "" };
  beforeAll(async () => {
    useEmbeddedDelivery();
    useWebhookSettings();
    await createSalon();
    salon.serviceId = (await createService()).id;
    salon.stylistId = (await createStylist([salon.serviceId])).id;
  });
  return salon;
}

/** Subscribes `url` through the API with an admin key; returns the endpoint with its one-time secret. */
export async function subscribe(
  auth: Record<string, string>,
  url: string,
  events: string[] = ["appointment.created", "appointment.rescheduled", "appointment.cancelled"],
) {
  const response = await call(endpoints.POST, "POST", "/webhooks", { headers: auth, body: { url, events } });
  if (response.status !== 201) throw new Error(`subscribe failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; secret: string; url: string };
}

/** Verifies a received request the way a partner would, with the standardwebhooks package; throws if it does not verify. */
export function verifyWith(
  secret: string,
  request: RecordedRequest,
): { type: string; timestamp: string; data: Record<string, unknown>; previous?: unknown } {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  return new Webhook(secret).verify(request.body, headers) as ReturnType<typeof verifyWith>;
}

/** Waits until `check` holds (deliveries go out after the response), or fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
