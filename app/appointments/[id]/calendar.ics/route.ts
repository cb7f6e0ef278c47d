import { actorOf, currentUser } from "@/lib/auth/session";
import { getAppointment } from "@/lib/booking/data";
import { appointmentIcs } from "@/lib/customer-portal/appointment-calendar";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getSalonSettings } from "@/lib/salon/data";

/** The appointment as an .ics download, for its owner only (anyone else gets the same 404 as a typo). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return new Response("Not found", { status: 404 });
  try {
    const [appointment, salon] = await Promise.all([getAppointment(actorOf(user), id), getSalonSettings()]);
    return new Response(appointmentIcs(appointment, salon, env().APP_URL), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="pamper-book-${appointment.id}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}
