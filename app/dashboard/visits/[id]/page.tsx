import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { Toast } from "@/components/ui/toast";
import { requirePermission } from "@/lib/auth/gates";
import { actorCan, managesAppointment } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/session";
import { hasStarted } from "@/lib/dashboard/clock";
import { listStaffOptions } from "@/lib/dashboard/data";
import { statusStyles, visitNoticeText } from "@/lib/dashboard/labels";
import { ZLocalDate } from "@/lib/time/local-date";
import { formatPrice } from "@/lib/format";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDate, formatSalonTime, salonLocalDate } from "@/lib/time/format-when";
import { getVisit, visitStartsOnDay } from "@/lib/visits/data";
import { loadPaymentView } from "@/lib/payments/payment-view";
import { AppointmentPayments } from "../../_components/appointment-payments";
import { CancelSegmentForm, CancelVisitForm, ReassignSegmentForm, RescheduleVisitForm } from "../../_components/visit-forms";
import { StatusHeading } from "../../_components/status-heading";

export const metadata: Metadata = { title: "Visit" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; date?: string }> };

const MINUTE_MS = 60_000;

/**
 * One visit: every segment the viewer may see (a stylist sees their own segments only, as on the
 * calendar), what they add up to, and the changes the viewer's powers allow: the whole visit moved or
 * cancelled, or one segment handed to a colleague or cancelled while the rest stays.
 */
export default async function DashboardVisitPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = actorOf(await requirePermission("dashboard.access", `/dashboard/visits/${id}`));
  const [{ notice, date: askedDate }, visit, staff, salon] = await Promise.all([
    searchParams,
    orNotFoundPage(getVisit(actor, id)),
    listStaffOptions(),
    getSalonSettings(),
  ]);
  const tz = salon.timezone;
  const visitDate = salonLocalDate(visit.startsAt, tz);
  const seesWholeVisit = actorCan(actor, "appointment.viewAny");
  const booked = visit.segments.filter((segment) => segment.status === "BOOKED");
  const managesWhole = seesWholeVisit && visit.segments.every((segment) => managesAppointment(actor, segment));
  const day = ZLocalDate.safeParse(askedDate).data ?? visitDate;
  const serviceNames = new Map(visit.segments.map((segment) => [segment.serviceId, segment.service.name]));
  const moveTo =
    managesWhole && booked.length > 0
      ? await visitStartsOnDay(
          {
            items: booked.map((segment) => ({ serviceId: segment.serviceId, staffId: segment.staffId })),
            excludeVisitId: visit.id,
            date: day,
          },
          serviceNames,
        )
      : null;
  // The visit's one payment hangs on its first segment: its deposit, and waiving or refunding it, for the whole visit.
  const payment = managesWhole ? await loadPaymentView(visit.segments[0]!.id) : null;
  const minutes = Math.round((visit.endsAt.getTime() - visit.startsAt.getTime()) / MINUTE_MS);
  return (
    <div className="max-w-5xl">
      <Toast key={notice} message={visitNoticeText(notice)} />
      <Link href={`/dashboard?date=${visitDate}`} className="text-sm font-semibold text-brand-700 underline">
        ← Back to the calendar
      </Link>
      <StatusHeading status={visit.status}>Visit — {visit.customer.name}</StatusHeading>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">When</dt>
        <dd>
          {formatSalonDate(visit.startsAt, salon)}, {formatSalonTime(visit.startsAt, salon)}–{formatSalonTime(visit.endsAt, salon)}
        </dd>
        <dt className="font-semibold">Customer</dt>
        <dd>
          {visit.customer.name} ({visit.customer.email})
        </dd>
        <dt className="font-semibold">Total</dt>
        <dd>
          {formatPrice(visit.priceCents, visit.currency.trim(), salon.locale)} · {minutes} min
        </dd>
        {visit.note && (
          <>
            <dt className="font-semibold">Customer note</dt>
            <dd>{visit.note}</dd>
          </>
        )}
      </dl>

      <Section id="segments" title="Segments" className="mt-6">
        {!seesWholeVisit && <p className="mb-2 text-sm text-stone-700">You see only your own segments of this visit.</p>}
        <div className="overflow-x-auto rounded-lg border border-stone-300 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="px-3 py-2">Segment</th>
                <th className="px-3 py-2">Service</th>
                <th className="px-3 py-2">Stylist</th>
                <th className="px-3 py-2">Time</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2">Appointment</th>
              </tr>
            </thead>
            <tbody>
              {visit.segments.map((segment, i) => (
                <tr key={segment.id} className="border-t border-stone-200" data-segment-id={segment.id}>
                  <td className="px-3 py-2">{i + 1}</td>
                  <td className="px-3 py-2">{segment.service.name}</td>
                  <td className="px-3 py-2">{segment.staff.name}</td>
                  <td className="px-3 py-2">
                    {formatSalonTime(segment.startsAt, salon)}–{formatSalonTime(segment.endsAt, salon)}
                  </td>
                  <td className="px-3 py-2">{statusStyles[segment.status].label}</td>
                  <td className="px-3 py-2">
                    <Link href={`/dashboard/appointments/${segment.id}`} className="font-semibold text-brand-700 underline">
                      Open<span className="sr-only"> {segment.service.name} appointment</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      {payment && <AppointmentPayments actor={actor} appointment={visit.segments[0]!} summary={payment.summary} salon={salon} />}

      {managesWhole && booked.length > 0 && moveTo && (
        <Section id="manage" title="Change the whole visit" className="mt-6 rounded-lg border border-stone-300 bg-white p-4">
          <form action={`/dashboard/visits/${visit.id}`} className="mb-4 flex flex-wrap items-end gap-2" aria-label="Free starts on a day">
            <label className="flex flex-col text-sm font-medium text-stone-800">
              Day to look at
              <input name="date" type="date" defaultValue={day} className="min-h-11 rounded-lg border border-stone-400 bg-white px-3" />
            </label>
            <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold">
              Show free starts
            </button>
          </form>
          <div className="grid gap-6 md:grid-cols-2">
            {"problem" in moveTo ? (
              <p className="text-sm text-stone-700">{moveTo.problem}</p>
            ) : (
              <RescheduleVisitForm visitId={visit.id} version={visit.version} starts={moveTo.starts} day={day} />
            )}
            <CancelVisitForm visitId={visit.id} version={visit.version} />
          </div>
        </Section>
      )}

      {booked.some((segment) => managesAppointment(actor, segment) && !hasStarted(segment.startsAt)) && (
        <Section id="segment-changes" title="Change one segment" className="mt-6 rounded-lg border border-stone-300 bg-white p-4">
          <p className="mb-4 text-sm text-stone-700">The other segments keep their stylists and times.</p>
          <div className="flex flex-col gap-6">
            {visit.segments.map((segment, i) => {
              if (segment.status !== "BOOKED" || !managesAppointment(actor, segment) || hasStarted(segment.startsAt)) return null;
              const target = { visitId: visit.id, appointmentId: segment.id, version: segment.version, position: i + 1 };
              const name = `segment ${i + 1} (${segment.service.name})`;
              const colleagues = staff
                .filter((member) => member.id !== segment.staffId && member.serviceIds.includes(segment.serviceId))
                .filter((member) => managesAppointment(actor, { staffId: member.id }))
                .map((member) => ({ value: member.id, label: member.name }));
              return (
                <div key={segment.id} className="grid gap-6 md:grid-cols-2">
                  {colleagues.length > 0 ? (
                    <ReassignSegmentForm {...target} name={name} staff={colleagues} />
                  ) : (
                    <p className="text-sm text-stone-700">No other stylist you manage performs {segment.service.name}.</p>
                  )}
                  <CancelSegmentForm {...target} name={name} />
                </div>
              );
            })}
          </div>
        </Section>
      )}
    </div>
  );
}
