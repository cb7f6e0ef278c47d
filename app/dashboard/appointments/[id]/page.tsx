import type { Metadata } from "next";
import { namedOptions } from "@/components/dashboard/select-field";
import Link from "next/link";
import { Toast } from "@/components/ui/toast";
import { Section } from "@/components/ui/section";
import { actorOf } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/gates";
import { managesAppointment } from "@/lib/auth/permissions";
import { getAppointment } from "@/lib/booking/data";
import { formatSalonDate, formatSalonTime, salonLocalDate } from "@/lib/time/format-when";
import { formatLocalTime } from "@/lib/time/zoned";
import { hasStarted } from "@/lib/dashboard/clock";
import { getAppointmentRecords, listStaffOptions } from "@/lib/dashboard/data";
import { appointmentNoticeText } from "@/lib/dashboard/labels";
import { formatPrice } from "@/lib/format";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getSalonSettings } from "@/lib/salon/data";
import { CancelForm, RescheduleForm, StaffNoteForm, TransitionForm } from "../../_components/appointment-forms";
import { AppointmentRecordsView } from "../../_components/appointment-records";
import { AppointmentPayments } from "../../_components/appointment-payments";
import { StatusHeading } from "../../_components/status-heading";
import { loadPaymentView } from "@/lib/payments/payment-view";
import { visitSegmentCount } from "@/lib/visits/data";

export const metadata: Metadata = { title: "Appointment" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function DashboardAppointmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = actorOf(await requirePermission("dashboard.access", `/dashboard/appointments/${id}`));
  const [{ notice }, appointment, records, staff, salon, payment, visitSegments] = await Promise.all([
    searchParams,
    orNotFoundPage(getAppointment(actor, id)),
    getAppointmentRecords(id),
    listStaffOptions(),
    getSalonSettings(),
    loadPaymentView(id),
    visitSegmentCount(id),
  ]);
  const tz = salon.timezone;
  const date = salonLocalDate(appointment.startsAt, tz);
  const names = new Map([...staff.map((member) => [member.id, member.name] as const), [appointment.serviceId, appointment.service.name]]);
  const target = { appointmentId: appointment.id, version: appointment.version };
  return (
    <div className="max-w-5xl">
      <Toast key={notice} message={appointmentNoticeText(notice)} />
      <Link href={`/dashboard?date=${date}`} className="text-sm font-semibold text-brand-700 underline">
        ← Back to the calendar
      </Link>
      <StatusHeading status={appointment.status}>
        {appointment.customer.name} — {appointment.service.name}
      </StatusHeading>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">When</dt>
        <dd>
          {formatSalonDate(appointment.startsAt, salon)}, {formatSalonTime(appointment.startsAt, salon)}–
          {formatSalonTime(appointment.endsAt, salon)}
        </dd>
        {visitSegments > 1 && (
          <>
            <dt className="font-semibold">Visit</dt>
            <dd>
              <Link href={`/dashboard/visits/${appointment.visitId}`} className="font-semibold text-brand-700 underline">
                Part of a visit of {visitSegments} services
              </Link>
            </dd>
          </>
        )}
        <dt className="font-semibold">Stylist</dt>
        <dd>{appointment.staff.name}</dd>
        <dt className="font-semibold">Customer</dt>
        <dd>
          {appointment.customer.name} ({appointment.customer.email})
        </dd>
        <dt className="font-semibold">Price</dt>
        <dd>
          {formatPrice(appointment.priceCents, appointment.currency.trim(), salon.locale)} · {appointment.durationMinutes} min · booked via{" "}
          {appointment.source.toLowerCase()}
        </dd>
        {appointment.note && (
          <>
            <dt className="font-semibold">Customer note</dt>
            <dd>{appointment.note}</dd>
          </>
        )}
        {appointment.cancellationReason && (
          <>
            <dt className="font-semibold">Cancellation reason</dt>
            <dd>{appointment.cancellationReason}</dd>
          </>
        )}
      </dl>

      {appointment.status === "BOOKED" && (
        <Section id="manage" title="Manage" className="mt-6 rounded-lg border border-stone-300 bg-white p-4">
          <TransitionForm {...target} started={hasStarted(appointment.startsAt)} />
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            <RescheduleForm
              {...target}
              staff={namedOptions(staff.filter((member) => managesAppointment(actor, { staffId: member.id })))}
              defaults={{ staffId: appointment.staffId, date, time: formatLocalTime(appointment.startsAt.getTime(), tz) }}
            />
            <CancelForm {...target} />
          </div>
        </Section>
      )}

      {payment && <AppointmentPayments actor={actor} appointment={appointment} summary={payment.summary} salon={salon} />}

      <AppointmentRecordsView records={records} salon={salon} names={names} noteForm={<StaffNoteForm appointmentId={appointment.id} />} />
    </div>
  );
}
