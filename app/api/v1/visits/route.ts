import { bookingPost } from "@/lib/api/appointments/booking-post";
import { visitInputFor } from "@/lib/api/appointments/booking-input";
import { toApiVisit, ZApiCreateVisitBody } from "@/lib/api/schemas/visits";
import { methodNotAllowed } from "@/lib/api/with-api-route";
import { bookVisit } from "@/lib/visits/mutations";

export const POST = bookingPost("/visits", ZApiCreateVisitBody, visitInputFor, bookVisit, toApiVisit);

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
