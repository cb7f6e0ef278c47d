import { ok } from "@/lib/api/result";
import { toApiWebhookEndpoint } from "@/lib/api/schemas/webhooks";
import { validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getWebhookEndpoint } from "@/lib/webhooks/data";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/mutations";
import { ZUpdateWebhookInput } from "@/lib/webhooks/schema";

type Params = { id: string };

export const GET = withApiRoute<Params>({ scope: "webhooks:read", permission: "webhooks.manage" }, async ({ params }) =>
  ok(toApiWebhookEndpoint(await getWebhookEndpoint(params.id))),
);

export const PATCH = withApiRoute<Params>({ scope: "webhooks:write", permission: "webhooks.manage" }, async ({ principal, params, body }) =>
  ok(toApiWebhookEndpoint(await updateWebhookEndpoint(principal.actor, params.id, validate(ZUpdateWebhookInput, body)))),
);

/** Unsubscribes for good: the endpoint and its delivery log go (disable it instead to keep the log). */
export const DELETE = withApiRoute<Params>({ scope: "webhooks:write", permission: "webhooks.manage" }, async ({ principal, params }) => {
  await deleteWebhookEndpoint(principal.actor, params.id);
  return { status: 204, body: null };
});

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");
export { notAllowed as POST, notAllowed as PUT };
