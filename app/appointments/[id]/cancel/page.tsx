import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { cancelAction } from "@/lib/customer-portal/actions";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { loadOwnAppointment } from "@/lib/customer-portal/load-appointment";
import { getSalonSettings } from "@/lib/salon/data";
import { AppointmentTextForm } from "../../_components/appointment-text-form";
import { ChangeBlocked } from "../../_components/change-blocked";
import { ChangePage } from "../../_components/change-page";

export const metadata: Metadata = { title: "Cancel appointment" };

export default async function CancelAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/appointments/${id}/cancel`);
  const [appointment, salon] = await Promise.all([loadOwnAppointment(user, id), getSalonSettings()]);
  const cancel = changeAvailability(appointment, "cancel", salon.cancelCutoffMinutes, new Date());
  return (
    <ChangePage
      appointmentId={id}
      title="Cancel appointment"
      summary={`${appointment.service.name} with ${appointment.staff.name}, ${formatSalonDateTime(appointment.startsAt, salon)}.`}
      width="narrow"
    >
      {cancel.allowed ? (
        <AppointmentTextForm
          action={cancelAction}
          appointmentId={appointment.id}
          version={appointment.version}
          field={{ name: "reason", label: "Reason (optional)" }}
          submit={{ label: "Cancel appointment", variant: "danger" }}
        />
      ) : (
        <ChangeBlocked reason={cancel.reason} salon={salon} />
      )}
    </ChangePage>
  );
}
