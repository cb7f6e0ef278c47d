import { ok } from "@/lib/api/result";
import { toApiWebhookEndpoint } from "@/lib/api/schemas/webhooks";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { rotateWebhookSecret } from "@/lib/webhooks/mutations";

export const POST = withApiRoute<{ id: string }>(
  { scope: "webhooks:write", permission: "webhooks.manage" },
  async ({ principal, params }) => {
    const { endpoint, secret } = await rotateWebhookSecret(principal.actor, params.id);
    return ok({ ...toApiWebhookEndpoint(endpoint), secret });
  },
);

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
