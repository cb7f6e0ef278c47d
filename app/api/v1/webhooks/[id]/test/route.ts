import { accepted } from "@/lib/api/result";
import { toApiWebhookDelivery } from "@/lib/api/schemas/webhooks";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getWebhookDelivery } from "@/lib/webhooks/data";
import { createTestDelivery } from "@/lib/webhooks/mutations";
import { sendWebhooksAfterResponse } from "@/lib/webhooks/send-after-response";

export const POST = withApiRoute<{ id: string }>({ scope: "webhooks:write", permission: "webhooks.manage" }, async ({ params }) => {
  const deliveryId = await createTestDelivery(params.id);
  const delivery = await getWebhookDelivery(params.id, deliveryId);
  void sendWebhooksAfterResponse([deliveryId]); // logged in the delivery; the caller polls the log
  return accepted(toApiWebhookDelivery(delivery));
});

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
