import type { z } from "zod";
import type { ApiPrincipal } from "@/lib/api/authenticate";
import { etagOf } from "@/lib/api/etag";
import type { IdempotencyTx } from "@/lib/api/idempotency/mutations";
import { created } from "@/lib/api/result";
import { validate } from "@/lib/api/validate";
import { withApiRoute } from "@/lib/api/with-api-route";
import type { Actor } from "@/lib/auth/actor";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";

type Book<I, V> = (actor: Actor, input: I, options: { beforeCommit?: (tx: IdempotencyTx, view: V) => Promise<void> }) => Promise<V>;

/**
 * POST of a booking (an appointment, a visit): 201 with ETag and Location. With an Idempotency-Key the
 * answer commits with the booking, so a crash after the commit still replays it.
 */
export function bookingPost<B extends z.ZodType, I, V extends { id: string; version: number }>(
  /** The collection, e.g. "/appointments": the Location of the new resource is under it. */
  path: string,
  schema: B,
  inputFor: (principal: ApiPrincipal, body: z.output<B>) => Promise<I>,
  book: Book<I, V>,
  toApi: (view: V) => unknown,
) {
  const createdResult = (view: V) => created(toApi(view), { ETag: etagOf(view.version), Location: `/api/v1${path}/${view.id}` });
  return withApiRoute({ scope: "appointments:write" }, async ({ principal, body, idempotency }) => {
    const input = await inputFor(principal, validate(schema, body));
    const beforeCommit = idempotency && ((tx: IdempotencyTx, view: V) => idempotency.complete(tx, createdResult(view)));
    const view = await book(principal.actor, input, { beforeCommit });
    afterAppointmentChange();
    return createdResult(view);
  });
}
