import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { cancelAction } from "@/lib/customer-portal/actions";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { loadOwnAppointment, loadOwnVisitOf } from "@/lib/customer-portal/load-appointment";
import { visitLabels } from "@/lib/customer-portal/visit-groups";
import { cancelVisitAction } from "@/lib/customer-portal/visit-actions";
import { getSalonSettings } from "@/lib/salon/data";
import { AppointmentTextForm } from "../../_components/appointment-text-form";
import { ChangeBlocked } from "../../_components/change-blocked";
import { ChangePage } from "../../_components/change-page";

export const metadata: Metadata = { title: "Cancel appointment" };

export default async function CancelAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/appointments/${id}/cancel`);
  const [appointment, salon] = await Promise.all([loadOwnAppointment(user, id), getSalonSettings()]);
  // A visit of several services is cancelled whole, every service in it.
  const visit = await loadOwnVisitOf(user, appointment);
  const cancelled = visit ?? appointment;
  const labels = visit ? visitLabels(visit) : { services: appointment.service.name, stylists: appointment.staff.name };
  const cancel = changeAvailability(cancelled, "cancel", salon.cancelCutoffMinutes, new Date());
  const label = visit ? "Cancel visit" : "Cancel appointment";
  return (
    <ChangePage
      appointmentId={id}
      title={label}
      summary={`${labels.services} with ${labels.stylists}, ${formatSalonDateTime(cancelled.startsAt, salon)}.`}
      width="narrow"
    >
      {cancel.allowed ? (
        <AppointmentTextForm
          action={visit ? cancelVisitAction : cancelAction}
          appointmentId={appointment.id}
          version={cancelled.version}
          field={{ name: "reason", label: "Reason (optional)" }}
          submit={{ label, variant: "danger" }}
        />
      ) : (
        <ChangeBlocked reason={cancel.reason} salon={salon} />
      )}
    </ChangePage>
  );
}
