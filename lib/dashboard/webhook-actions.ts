"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { formList } from "@/lib/actions/form-input";
import { createTestDelivery, createWebhookEndpoint, replayWebhookDelivery, updateWebhookEndpoint } from "@/lib/webhooks/mutations";
import { ZCreateWebhookInput } from "@/lib/webhooks/schema";
import { sendWebhooksAfterResponse } from "@/lib/webhooks/send-after-response";

/**
 * The webhooks page's doors (admins): the same cores as /api/v1/webhooks. A new endpoint's secret is
 * returned once in the action state, as the API returns it once in its 201.
 */
export const createWebhookAction = defineAction({
  permission: "webhooks.manage",
  schema: ZCreateWebhookInput,
  input: ({ values, formData }) => ({ url: values.url, description: values.description || null, events: formList(formData, "events") }),
  async run({ actor, input }) {
    const { endpoint, secret } = await createWebhookEndpoint(actor, input);
    revalidatePath("/dashboard/webhooks");
    return {
      status: "success",
      message: "Copy the signing secret now: it will not be shown again.",
      values: { secret, endpointId: endpoint.id },
    };
  },
});

export const sendTestWebhookAction = defineAction({
  permission: "webhooks.manage",
  async run({ values }) {
    const endpointId = values.endpointId ?? "";
    const deliveryId = await createTestDelivery(endpointId);
    await sendWebhooksAfterResponse([deliveryId]);
    revalidatePath(`/dashboard/webhooks/${endpointId}`);
    return { status: "success", message: "Test event queued: it appears in the log below." };
  },
});

export const replayWebhookAction = defineAction({
  permission: "webhooks.manage",
  async run({ values }) {
    const endpointId = values.endpointId ?? "";
    const deliveryId = values.deliveryId ?? "";
    await replayWebhookDelivery(endpointId, deliveryId);
    await sendWebhooksAfterResponse([deliveryId]);
    revalidatePath(`/dashboard/webhooks/${endpointId}`);
    return { status: "success", message: "Replay queued." };
  },
});

export const setWebhookEnabledAction = defineAction({
  permission: "webhooks.manage",
  async run({ actor, values }) {
    const endpointId = values.endpointId ?? "";
    const enabled = values.enabled === "true";
    await updateWebhookEndpoint(actor, endpointId, { enabled });
    revalidatePath(`/dashboard/webhooks/${endpointId}`);
    return { status: "success", message: enabled ? "Endpoint enabled." : "Endpoint disabled." };
  },
});
