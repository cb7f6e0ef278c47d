import { bookingPost } from "@/lib/api/appointments/booking-post";
import { visitInputFor } from "@/lib/api/appointments/booking-input";
import { toApiVisit, ZApiCreateVisitBody } from "@/lib/api/schemas/visits";
import { methodNotAllowed } from "@/lib/api/with-api-route";
import { paymentLinkOf } from "@/lib/payments/settings";
import type { VisitView } from "@/lib/visits/visit-view";
import { bookVisit } from "@/lib/visits/mutations";

// A visit held for its deposit says where the customer pays: its first segment's link, for every segment.
const toApiCreated = (visit: VisitView) => ({
  ...toApiVisit(visit),
  ...(visit.status === "PENDING_PAYMENT" && { paymentUrl: paymentLinkOf(visit.segments[0]!.id) }),
});

export const POST = bookingPost("/visits", ZApiCreateVisitBody, visitInputFor, bookVisit, toApiCreated);

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
