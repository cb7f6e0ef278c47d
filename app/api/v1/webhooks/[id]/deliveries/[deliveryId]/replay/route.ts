import { accepted } from "@/lib/api/result";
import { toApiWebhookDelivery } from "@/lib/api/schemas/webhooks";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getWebhookDelivery } from "@/lib/webhooks/data";
import { replayWebhookDelivery } from "@/lib/webhooks/mutations";
import { sendWebhooksAfterResponse } from "@/lib/webhooks/send-after-response";

type Params = { id: string; deliveryId: string };

export const POST = withApiRoute<Params>({ scope: "webhooks:write", permission: "webhooks.manage" }, async ({ params }) => {
  await replayWebhookDelivery(params.id, params.deliveryId);
  const delivery = await getWebhookDelivery(params.id, params.deliveryId);
  void sendWebhooksAfterResponse([params.deliveryId]); // logged in the delivery; the caller polls the log
  return accepted(toApiWebhookDelivery(delivery));
});

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
