import { z } from "zod";
import { ZSubscribableEvent } from "./events";

/** Inputs of the webhook cores (isomorphic): the API and the dashboard validate with these. */

const ZEndpointUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000)
  .meta({
    description: "Where events are POSTed. https only in production, and never a private address.",
    example: "https://partner.example/hooks/pamper",
  });

const ZEvents = z
  .array(ZSubscribableEvent)
  .min(1, "choose at least one event")
  .transform((events) => [...new Set(events)]);

const ZDescription = z.string().trim().max(500).nullable().optional();

export const ZCreateWebhookInput = z.strictObject({ url: ZEndpointUrl, events: ZEvents, description: ZDescription });
export type TCreateWebhookInput = z.input<typeof ZCreateWebhookInput>;

export const ZUpdateWebhookInput = z
  .strictObject({ url: ZEndpointUrl.optional(), events: ZEvents.optional(), description: ZDescription, enabled: z.boolean().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "change at least one of url, events, description, enabled");
export type TUpdateWebhookInput = z.input<typeof ZUpdateWebhookInput>;
