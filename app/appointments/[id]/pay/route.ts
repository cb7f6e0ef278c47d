import { withProblemRoute } from "@/lib/api/with-problem-route";
import { systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { openCheckout } from "@/lib/payments/open-checkout";

/**
 * "Pay the deposit": sends the customer on to the hosted checkout page of their hold. The link is a
 * bearer link, like the provider's own checkout URL: the appointment's random id is its secret, so a
 * customer booked by a partner's app (who may have no password here) can pay from it. It can only pay
 * for a hold that is still running; it shows nothing about the appointment.
 */
export const GET = withProblemRoute("/appointments/[id]/pay", async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  try {
    const { url } = await openCheckout(systemActor, id);
    return new Response(null, { status: 303, headers: { location: url } });
  } catch (error) {
    // A hold that ran out or was paid meanwhile: the appointment page says which.
    if (error instanceof AppError && (error.code === "INVALID_TRANSITION" || error.code === "SLOT_UNAVAILABLE")) {
      return Response.redirect(new URL(`/appointments/${id}`, request.url), 303);
    }
    throw error;
  }
});
