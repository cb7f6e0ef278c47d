import { withProblemRoute } from "@/lib/api/with-problem-route";
import { actorOf, currentUser } from "@/lib/auth/session";
import { getAppointment } from "@/lib/booking/data";
import { appointmentIcs, visitIcs } from "@/lib/customer-portal/appointment-calendar";
import { env } from "@/lib/env";
import { orNotFound } from "@/lib/errors";
import { getSalonSettings } from "@/lib/salon/data";
import { getVisit } from "@/lib/visits/data";

type Context = { params: Promise<{ id: string }> };

/** The appointment as an .ics download, for its owner only (anyone else gets the same 404 as a typo). */
export const GET = withProblemRoute("/appointments/[id]/calendar.ics", async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const user = orNotFound(await currentUser(), "That appointment does not exist.");
  const [appointment, salon] = await Promise.all([getAppointment(actorOf(user), id), getSalonSettings()]);
  // A segment of a visit downloads the whole visit: the customer booked (and adds) it as one.
  const visit = appointment.visitId ? await getVisit(actorOf(user), appointment.visitId) : null;
  const ics =
    visit && visit.segments.length > 1 ? visitIcs(visit, salon, env().APP_URL) : appointmentIcs(appointment, salon, env().APP_URL);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="pamper-book-${appointment.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
