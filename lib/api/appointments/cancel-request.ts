import { requireIfMatchVersion, withIfMatch } from "@/lib/api/etag";
import { ZApiCancelAppointmentBody } from "@/lib/api/schemas/appointments";
import type { ApiResult } from "@/lib/api/result";
import { validate } from "@/lib/api/validate";
import { withApiRoute } from "@/lib/api/with-api-route";
import type { Actor } from "@/lib/auth/actor";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";

type CancelChange = { expectedVersion?: number; reason?: string };

/** A DELETE's optional reason and its If-Match version, as the cancel cores take them. */
function cancelRequestOf(request: Request, body: unknown): CancelChange {
  const { reason } = validate(ZApiCancelAppointmentBody, body ?? {});
  const expectedVersion = requireIfMatchVersion(request);
  return { ...(expectedVersion !== undefined && { expectedVersion }), ...(reason !== undefined && { reason }) };
}

/**
 * DELETE of a booking (an appointment, a visit): cancels, the record stays, status CANCELLED. A stale
 * If-Match is 412; the change is announced once the response is out.
 */
export function cancelRoute<V>(
  cancel: (actor: Actor, id: string, change: CancelChange) => Promise<V>,
  represent: (view: V) => ApiResult | Promise<ApiResult>,
) {
  return withApiRoute<{ id: string }>({ scope: "appointments:write" }, async ({ request, principal, params, body }) => {
    const view = await withIfMatch(() => cancel(principal.actor, params.id, cancelRequestOf(request, body)));
    afterAppointmentChange();
    return represent(view);
  });
}
