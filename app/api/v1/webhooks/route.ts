import { created, ok } from "@/lib/api/result";
import { toApiWebhookEndpoint } from "@/lib/api/schemas/webhooks";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { listWebhookEndpoints } from "@/lib/webhooks/data";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { ZCreateWebhookInput } from "@/lib/webhooks/schema";
import { validate } from "@/lib/api/validate";

export const GET = withApiRoute({ scope: "webhooks:read", permission: "webhooks.manage" }, async () =>
  ok({ items: (await listWebhookEndpoints()).map(toApiWebhookEndpoint) }),
);

export const POST = withApiRoute({ scope: "webhooks:write", permission: "webhooks.manage" }, async ({ principal, body }) => {
  const { endpoint, secret } = await createWebhookEndpoint(principal.actor, validate(ZCreateWebhookInput, body));
  return created({ ...toApiWebhookEndpoint(endpoint), secret }, { Location: `/api/v1/webhooks/${endpoint.id}` });
});

const notAllowed = methodNotAllowed("GET, POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
