import { z } from "zod";
import { ZListQueryBase, ZPageMeta } from "@/lib/api/schemas/common";
import { ZSubscribableEvent } from "@/lib/webhooks/events";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "@/lib/webhooks/views";

export const ZApiWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(ZSubscribableEvent),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().meta({ description: "Why the endpoint was disabled, when it was not by request." }),
  previousSecretExpiresAt: z.iso.datetime().nullable().meta({ description: "After a rotation: until when the old secret still signs." }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZApiWebhookEndpointWithSecret = ZApiWebhookEndpoint.extend({
  secret: z.string().meta({ description: "The signing secret (`whsec_…`). Shown only in this response: store it now." }),
});

export const ZApiWebhookEndpointList = z.object({ items: z.array(ZApiWebhookEndpoint) });

export const ZApiWebhookDelivery = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventType: z.string(),
  eventId: z.string().meta({ description: "The `webhook-id` header: the same on every attempt and replay." }),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  attempt: z.number().int().meta({ description: "Attempts made so far." }),
  statusCode: z.number().int().nullable().meta({ description: "The last attempt's HTTP status (null: no answer)." }),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const ZApiWebhookDeliveryPage = z.object({ items: z.array(ZApiWebhookDelivery), ...ZPageMeta });
export const ZApiListDeliveriesQuery = z.strictObject({ ...ZListQueryBase });

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toApiWebhookEndpoint(row: WebhookEndpointRow): z.infer<typeof ZApiWebhookEndpoint> {
  return {
    id: row.id,
    url: row.url,
    events: ZApiWebhookEndpoint.shape.events.parse(row.events),
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    previousSecretExpiresAt: iso(row.previousSecretExpiresAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toApiWebhookDelivery(row: WebhookDeliveryRow): z.infer<typeof ZApiWebhookDelivery> {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventType: row.eventType,
    eventId: row.messageId,
    status: row.status,
    attempt: row.attempts,
    statusCode: row.lastStatusCode,
    durationMs: row.lastDurationMs,
    error: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? iso(row.nextAttemptAt) : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}
