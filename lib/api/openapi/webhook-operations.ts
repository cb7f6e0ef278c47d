import { z } from "zod";
import { registerOperation, registry } from "@/lib/api/openapi/registry";
import { ZApiAppointment } from "@/lib/api/schemas/appointments";
import { ZId } from "@/lib/api/schemas/common";
import { ZApiCustomer } from "@/lib/api/schemas/customers";
import { ZApiPaymentEvent } from "@/lib/api/schemas/payments";
import { ZApiService } from "@/lib/api/schemas/services";
import { ZApiVisit } from "@/lib/api/schemas/visits";
import * as webhookSchemas from "@/lib/api/schemas/webhooks";
import { WEBHOOK_EVENTS, ZWebhookTestData, type TWebhookEventType } from "@/lib/webhooks/events";
import { ZCreateWebhookInput, ZUpdateWebhookInput } from "@/lib/webhooks/schema";

// The webhook subscriptions (/webhooks…) and, in the document's `webhooks` section, every event we send.
const Endpoint = webhookSchemas.ZApiWebhookEndpoint.meta({ id: "WebhookEndpoint" });
const Delivery = webhookSchemas.ZApiWebhookDelivery.meta({ id: "WebhookDelivery" });
const idParam = z.object({ id: ZId });
const deliveryParams = z.object({ id: ZId, deliveryId: ZId });
const tag = "Webhooks" as const;
const read = "webhooks:read";
const write = "webhooks:write";
const admin = "Admin keys only.";

registerOperation({
  method: "get",
  path: "/webhooks",
  operationId: "listWebhookEndpoints",
  tag,
  scope: read,
  summary: "List webhook endpoints",
  description: admin,
  success: { status: 200, description: "Every endpoint", schema: webhookSchemas.ZApiWebhookEndpointList },
});
registerOperation({
  method: "post",
  path: "/webhooks",
  operationId: "createWebhookEndpoint",
  tag,
  scope: write,
  summary: "Subscribe an endpoint to events",
  description: `${admin} The answer carries the signing secret, once. In production the URL must be https and resolve to a public address.`,
  body: ZCreateWebhookInput,
  success: { status: 201, description: "Subscribed; store `secret` now", schema: webhookSchemas.ZApiWebhookEndpointWithSecret },
});
registerOperation({
  method: "get",
  path: "/webhooks/{id}",
  operationId: "getWebhookEndpoint",
  tag,
  scope: read,
  summary: "Get a webhook endpoint",
  description: admin,
  params: idParam,
  success: { status: 200, description: "The endpoint", schema: Endpoint },
});
registerOperation({
  method: "patch",
  path: "/webhooks/{id}",
  operationId: "updateWebhookEndpoint",
  tag,
  scope: write,
  summary: "Change an endpoint's URL, events, description or enabled flag",
  description: admin,
  params: idParam,
  body: ZUpdateWebhookInput,
  success: { status: 200, description: "The updated endpoint", schema: Endpoint },
});
registerOperation({
  method: "delete",
  path: "/webhooks/{id}",
  operationId: "deleteWebhookEndpoint",
  tag,
  scope: write,
  summary: "Delete an endpoint and its delivery log",
  description: admin,
  params: idParam,
  success: { status: 204, description: "Deleted" },
});
registerOperation({
  method: "post",
  path: "/webhooks/{id}/rotate-secret",
  operationId: "rotateWebhookSecret",
  tag,
  scope: write,
  summary: "Rotate the signing secret",
  description: `${admin} The old secret keeps signing beside the new one for 24 hours (two signatures in \`webhook-signature\`).`,
  params: idParam,
  success: {
    status: 200,
    description: "The endpoint with its new secret, shown once",
    schema: webhookSchemas.ZApiWebhookEndpointWithSecret,
  },
});
registerOperation({
  method: "post",
  path: "/webhooks/{id}/test",
  operationId: "sendWebhookTestEvent",
  tag,
  scope: write,
  summary: "Send a webhook.test event",
  description: `${admin} Sent right after the response; follow it in the delivery log.`,
  params: idParam,
  success: { status: 202, description: "The test delivery, queued", schema: Delivery },
});
registerOperation({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  tag,
  scope: read,
  summary: "The endpoint's delivery log, newest first",
  description: admin,
  params: idParam,
  query: webhookSchemas.ZApiListDeliveriesQuery,
  success: { status: 200, description: "A page of deliveries", schema: webhookSchemas.ZApiWebhookDeliveryPage },
});
registerOperation({
  method: "post",
  path: "/webhooks/{id}/deliveries/{deliveryId}/replay",
  operationId: "replayWebhookDelivery",
  tag,
  scope: write,
  summary: "Send a delivery again (same webhook-id)",
  description: `${admin} Starts the retry schedule over; the receiver dedupes by \`webhook-id\`.`,
  params: deliveryParams,
  success: { status: 202, description: "The delivery, queued again", schema: Delivery },
});

const signatureHeaders = z.object({
  "webhook-id": z.string().meta({ description: "The event's id: the same on every retry and replay. Dedupe by it." }),
  "webhook-timestamp": z.string().meta({ description: "Unix seconds when this attempt was signed." }),
  "webhook-signature": z.string().meta({ description: "`v1,<base64 HMAC-SHA256>`; two, space-separated, during a secret rotation." }),
});

// The same components the GET operations answer with, so a partner's parser is shared.
const dataOf = {
  appointment: ZApiAppointment.meta({ id: "Appointment" }),
  customer: ZApiCustomer.meta({ id: "Customer" }),
  service: ZApiService.meta({ id: "Service" }),
  payment: ZApiPaymentEvent,
  test: ZWebhookTestData,
  visit: ZApiVisit,
} as const;

for (const [type, event] of Object.entries(WEBHOOK_EVENTS) as Array<[TWebhookEventType, (typeof WEBHOOK_EVENTS)[TWebhookEventType]]>) {
  const body = z.object({
    type: z.literal(type),
    timestamp: z.iso.datetime(),
    data: dataOf[event.subject],
    ...("previous" in event && { previous: event.previous }),
  });
  registry.registerWebhook({
    method: "post",
    path: type,
    // appointment.no_show → onAppointmentNoShow: generated receivers name their handlers after it.
    operationId: `on${type.replace(/(?:^|[._])(\w)/g, (_match, letter: string) => letter.toUpperCase())}`,
    summary: event.summary,
    tags: [tag],
    request: {
      headers: signatureHeaders,
      body: {
        required: true,
        content: { "application/json": { schema: body, example: { type, timestamp: "2030-01-01T09:00:00.000Z", ...event.example } } },
      },
    },
    responses: {
      200: { description: "Any 2xx acknowledges the event. Anything else, a redirect or no answer within 10 s is retried." },
    },
  });
}
