import { withProblemRoute } from "@/lib/api/with-problem-route";
import { actorOf, currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { openCheckout } from "@/lib/payments/open-checkout";

/**
 * "Pay the deposit": sends the signed-in customer on to the hosted checkout page of their hold (a plain
 * link, so it works before hydration and the browser leaves for the provider's page itself).
 */
export const GET = withProblemRoute("/appointments/[id]/pay", async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const user = await currentUser();
  if (!user) return Response.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(`/appointments/${id}`)}`, request.url), 303);
  try {
    const { url } = await openCheckout(actorOf(user), id);
    return new Response(null, { status: 303, headers: { location: url } });
  } catch (error) {
    // A hold that ran out or was paid meanwhile: the appointment page says which.
    if (error instanceof AppError && error.code !== "NOT_FOUND" && error.code !== "PAYMENT_PROVIDER_UNAVAILABLE") {
      return Response.redirect(new URL(`/appointments/${id}`, request.url), 303);
    }
    throw error;
  }
});
