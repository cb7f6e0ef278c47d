import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { Toast } from "@/components/ui/toast";
import { Section } from "@/components/ui/section";
import { actorOf, requireUser } from "@/lib/auth/session";
import { getAppointmentHistory } from "@/lib/booking/data";
import { changeNoteAction } from "@/lib/customer-portal/actions";
import { appointmentGoogleLink, visitGoogleLink } from "@/lib/customer-portal/appointment-calendar";
import { describeHistoryEntry, emailKindLabel, statusLabels } from "@/lib/customer-portal/appointment-labels";
import { changeAvailability, noteAvailability } from "@/lib/booking/cutoffs";
import { listCustomerEmailsForAppointment } from "@/lib/customer-portal/data";
import { formatSalonDate, formatSalonDateTime, formatSalonTime } from "@/lib/time/format-when";
import { loadOwnAppointment, loadOwnVisitOf } from "@/lib/customer-portal/load-appointment";
import { visitLabels } from "@/lib/customer-portal/visit-groups";
import { env } from "@/lib/env";
import { formatDuration, formatPrice } from "@/lib/format";
import { getSalonSettings } from "@/lib/salon/data";
import { BookingSummary } from "../../book/_components/booking-summary";
import { VisitSegments, type VisitSegmentLine } from "../../book/_components/visit-segments";
import { ChangeBlocked } from "../_components/change-blocked";
import { AppointmentTextForm } from "../_components/appointment-text-form";
import { DepositPanel } from "../_components/deposit-panel";
import { loadPaymentView } from "@/lib/payments/payment-view";
import type { VisitView } from "@/lib/visits/visit-view";

export const metadata: Metadata = { title: "Appointment" };

const notices: Record<string, string> = {
  rescheduled: "Appointment rescheduled.",
  cancelled: "Appointment cancelled.",
  "note-saved": "Note saved.",
  paid: "Thank you: the payment went through. Your confirmation is on its way.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function AppointmentPage({ params, searchParams }: Props) {
  const [{ id }, { notice }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/appointments/${id}`);
  const appointment = await loadOwnAppointment(user, id);
  const [salon, history, emails, payment, visit] = await Promise.all([
    getSalonSettings(),
    getAppointmentHistory(actorOf(user), id),
    listCustomerEmailsForAppointment(user, id),
    loadPaymentView(id),
    loadOwnVisitOf(user, appointment),
  ]);
  const now = new Date();
  // A visit of several services is rescheduled and cancelled whole: its start and status decide.
  const changed = visit ?? appointment;
  const reschedule = changeAvailability(changed, "reschedule", salon.rescheduleCutoffMinutes, now);
  const cancel = changeAvailability(changed, "cancel", salon.cancelCutoffMinutes, now);
  const status = statusLabels[changed.status];
  const noteEditable = noteAvailability(appointment, now).allowed;

  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <p className="mb-4 text-sm">
        <Link href="/appointments" className="text-brand-700 underline">
          ← My appointments
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold text-stone-900">{visit ? visitLabels(visit).services : appointment.service.name}</h1>
        <StatusBadge label={status.label} tone={status.tone} />
      </div>
      {visit ? (
        <VisitSegments segments={visit.segments.map(segmentLine)} currency={visit.currency} salon={salon} title="Your visit" />
      ) : (
        <BookingSummary
          title="Details"
          rows={[
            { label: "Date", value: formatSalonDate(appointment.startsAt, salon) },
            { label: "Time", value: `${formatSalonTime(appointment.startsAt, salon)} – ${formatSalonTime(appointment.endsAt, salon)}` },
            { label: "Stylist", value: appointment.staff.name },
            {
              label: "Duration and price",
              value: `${formatDuration(appointment.durationMinutes)} · ${formatPrice(appointment.priceCents, appointment.currency, salon.locale)}`,
            },
            ...(appointment.note && !noteEditable ? [{ label: "Your note", value: appointment.note }] : []),
            ...(appointment.cancellationReason ? [{ label: "Cancellation reason", value: appointment.cancellationReason }] : []),
          ]}
        />
      )}
      {payment && <DepositPanel appointmentId={appointment.id} summary={payment.summary} policy={payment.policy} salon={salon} />}
      <Section id="manage" title="Manage" className="mt-8" size="xl">
        {reschedule.allowed || cancel.allowed ? (
          <div className="flex flex-wrap gap-3">
            {reschedule.allowed && (
              <Link href={`/appointments/${id}/reschedule`} className={buttonClass("primary")}>
                Reschedule
              </Link>
            )}
            {cancel.allowed && (
              <Link href={`/appointments/${id}/cancel`} className={buttonClass("secondary")}>
                {visit ? "Cancel visit" : "Cancel appointment"}
              </Link>
            )}
            {changed.status === "BOOKED" && (
              <>
                <a href={`/appointments/${id}/calendar.ics`} download className={buttonClass("ghost")}>
                  Download .ics
                </a>
                <a
                  href={visit ? visitGoogleLink(visit, salon, env().APP_URL) : appointmentGoogleLink(appointment, salon, env().APP_URL)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className={buttonClass("ghost")}
                >
                  Add to Google Calendar<span className="sr-only"> (opens in a new tab)</span>
                </a>
              </>
            )}
          </div>
        ) : (
          <ChangeBlocked reason={changed.status === "BOOKED" ? reschedule.reason : cancel.reason} salon={salon} />
        )}
      </Section>
      {noteEditable && (
        <Section id="note" title="Your note" className="mt-8" size="xl">
          <AppointmentTextForm
            action={changeNoteAction}
            appointmentId={appointment.id}
            version={appointment.version}
            field={{
              name: "note",
              label: "Note for your stylist",
              hint: "Allergies, access needs, what you have in mind… Leave it empty to remove the note.",
              defaultValue: appointment.note ?? "",
            }}
            submit={{ label: "Save note", variant: "secondary" }}
          />
        </Section>
      )}
      <Section id="history" title="History" className="mt-8" size="xl">
        <ol className="flex flex-col gap-2 border-l-2 border-stone-200 pl-4">
          {history.map((entry) => (
            <li key={entry.id} className="text-sm">
              <span className="font-medium text-stone-900">{describeHistoryEntry(entry, salon)}</span>
              <span className="block text-stone-600">
                <time dateTime={entry.createdAt.toISOString()}>{formatSalonDateTime(entry.createdAt, salon)}</time>
              </span>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="emails" title="Emails sent to you" className="mt-8" size="xl">
        {emails.length === 0 ? (
          <p className="text-sm text-stone-700">No emails yet — they usually arrive within a minute.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {emails.map((email) => (
              <li key={email.id} className="rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm">
                <span className="font-medium text-stone-900">{email.subject}</span>
                <span className="block text-stone-600">
                  {emailKindLabel(email.kind)} · {email.status === "SENT" ? "sent" : email.status.toLowerCase()}{" "}
                  <time dateTime={(email.sentAt ?? email.createdAt).toISOString()}>
                    {formatSalonDateTime(email.sentAt ?? email.createdAt, salon)}
                  </time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Toast key={notice} message={notice ? notices[notice] : undefined} />
    </main>
  );
}

function segmentLine(segment: VisitView["segments"][number]): VisitSegmentLine {
  return {
    serviceName: segment.status === "CANCELLED" ? `${segment.service.name} (cancelled)` : segment.service.name,
    staffName: segment.staff.name,
    startsAt: segment.startsAt,
    endsAt: segment.endsAt,
    priceCents: segment.status === "CANCELLED" ? 0 : segment.priceCents,
  };
}
