import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AppointmentView } from "@/lib/booking/appointment-view";
import { statusLabels } from "@/lib/customer-portal/appointment-labels";
import { groupVisits, visitLabels } from "@/lib/customer-portal/visit-groups";
import { formatSalonDate, formatSalonTime, type SalonFormat } from "@/lib/time/format-when";

type AppointmentListProps = { appointments: AppointmentView[]; salon: SalonFormat; empty: React.ReactNode };

type Row = { id: string; href: string; title: string; when: string; status: AppointmentView["status"]; visitId?: string };

export function AppointmentList({ appointments, salon, empty }: AppointmentListProps) {
  if (appointments.length === 0)
    return <div className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{empty}</div>;
  const rows = groupVisits(appointments).map((item): Row => {
    if (item.kind === "appointment") {
      const { appointment } = item;
      return {
        id: appointment.id,
        href: `/appointments/${appointment.id}`,
        title: appointment.service.name,
        when: `${formatSalonDate(appointment.startsAt, salon)}, ${formatSalonTime(appointment.startsAt, salon)} · with ${appointment.staff.name}`,
        status: appointment.status,
      };
    }
    const { visit } = item;
    const labels = visitLabels(visit);
    return {
      id: visit.id,
      href: `/appointments/${visit.segments[0]!.id}`,
      title: labels.services,
      when: `${formatSalonDate(visit.startsAt, salon)}, ${formatSalonTime(visit.startsAt, salon)} – ${formatSalonTime(visit.endsAt, salon)} · with ${labels.stylists}`,
      status: visit.status,
      visitId: visit.id,
    };
  });
  return (
    <ul className="flex flex-col gap-3">
      {rows.map((row) => {
        const status = statusLabels[row.status];
        return (
          <li key={row.id} data-visit-id={row.visitId}>
            <Link
              href={row.href}
              className="flex flex-col gap-1 rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-700 sm:flex-row sm:items-center sm:justify-between"
            >
              <span className="flex flex-col">
                <span className="font-semibold text-stone-900">{row.title}</span>
                <span className="text-sm text-stone-700">{row.when}</span>
              </span>
              <StatusBadge label={status.label} tone={status.tone} />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
