import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { statusLabels } from "@/lib/customer-portal/appointment-labels";
import { formatSalonDate, formatSalonTime, type SalonFormat } from "@/lib/time/format-when";

type AppointmentListProps = { appointments: AppointmentView[]; salon: SalonFormat; empty: React.ReactNode };

export function AppointmentList({ appointments, salon, empty }: AppointmentListProps) {
  if (appointments.length === 0)
    return <div className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{empty}</div>;
  return (
    <ul className="flex flex-col gap-3">
      {appointments.map((appointment) => {
        const status = statusLabels[appointment.status];
        return (
          <li key={appointment.id}>
            <Link
              href={`/appointments/${appointment.id}`}
              className="flex flex-col gap-1 rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-700 sm:flex-row sm:items-center sm:justify-between"
            >
              <span className="flex flex-col">
                <span className="font-semibold text-stone-900">{appointment.service.name}</span>
                <span className="text-sm text-stone-700">
                  {formatSalonDate(appointment.startsAt, salon)}, {formatSalonTime(appointment.startsAt, salon)} · with{" "}
                  {appointment.staff.name}
                </span>
              </span>
              <StatusBadge label={status.label} tone={status.tone} />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
