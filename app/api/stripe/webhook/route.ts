import { withProblemRoute } from "@/lib/api/with-problem-route";
import { handleProviderEvent } from "@/lib/payments/handle-provider-event";

/**
 * Stripe's events (and the development test checkout's, signed the same way). No session or key: the
 * signature over the raw body is the authentication. 200 once applied or already applied; a 4xx for a
 * bad signature; a 5xx makes Stripe retry.
 */
export const POST = withProblemRoute("/api/stripe/webhook", async (request: Request) => {
  const outcome = await handleProviderEvent(await request.text(), request.headers.get("stripe-signature"));
  return Response.json({ received: true, outcome });
});
