import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { cancelAction } from "@/lib/customer-portal/actions";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { loadOwnAppointment } from "@/lib/customer-portal/load-appointment";
import { getSalonSettings } from "@/lib/salon/data";
import { AppointmentTextForm } from "../../_components/appointment-text-form";
import { ChangeBlocked } from "../../_components/change-blocked";

export const metadata: Metadata = { title: "Cancel appointment" };

export default async function CancelAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/appointments/${id}/cancel`);
  const [appointment, salon] = await Promise.all([loadOwnAppointment(user, id), getSalonSettings()]);
  const cancel = changeAvailability(appointment, "cancel", salon.cancelCutoffMinutes, new Date());
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <p className="mb-4 text-sm">
        <Link href={`/appointments/${id}`} className="text-brand-700 underline">
          ← Back to the appointment
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold text-stone-900">Cancel appointment</h1>
      <p className="mb-6 text-stone-700">
        {appointment.service.name} with {appointment.staff.name}, {formatSalonDateTime(appointment.startsAt, salon.timezone)}.
      </p>
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
    </main>
  );
}
