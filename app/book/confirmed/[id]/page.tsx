import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { appointmentGoogleLink, visitGoogleLink } from "@/lib/customer-portal/appointment-calendar";
import { formatSalonDate, formatSalonTime } from "@/lib/time/format-when";
import { loadOwnAppointment, loadOwnVisitOf } from "@/lib/customer-portal/load-appointment";
import { env } from "@/lib/env";
import { formatDuration, formatPrice } from "@/lib/format";
import { getSalonSettings } from "@/lib/salon/data";
import { loadPaymentView } from "@/lib/payments/payment-view";
import { DepositPanel } from "../../../appointments/_components/deposit-panel";
import { BookingSummary } from "../../_components/booking-summary";
import { VisitSegments } from "../../_components/visit-segments";

export const metadata: Metadata = { title: "Booking confirmed" };

export default async function BookingConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/book/confirmed/${id}`);
  const [appointment, salon, payment] = await Promise.all([loadOwnAppointment(user, id), getSalonSettings(), loadPaymentView(id)]);
  // Booked as a visit of several services: the confirmation shows every one, in order.
  const visit = await loadOwnVisitOf(user, appointment);
  const when = [
    { label: "Service", value: appointment.service.name },
    { label: "Stylist", value: appointment.staff.name },
    { label: "Date", value: formatSalonDate(appointment.startsAt, salon) },
    { label: "Time", value: `${formatSalonTime(appointment.startsAt, salon)} – ${formatSalonTime(appointment.endsAt, salon)}` },
  ];
  const visitSegments = visit && (
    <VisitSegments
      title="Your visit"
      segments={visit.segments.map((segment) => ({
        serviceName: segment.service.name,
        staffName: segment.staff.name,
        startsAt: segment.startsAt,
        endsAt: segment.endsAt,
        priceCents: segment.priceCents,
      }))}
      currency={visit.currency}
      salon={salon}
    />
  );
  if (appointment.status === "PENDING_PAYMENT" && payment) {
    return (
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-10 sm:px-6">
        <h1 className="mb-6 text-3xl font-bold text-stone-900">One more step: the deposit</h1>
        {visitSegments ?? <BookingSummary title="Appointment details" rows={when} />}
        <DepositPanel appointmentId={appointment.id} summary={payment.summary} policy={payment.policy} salon={salon} />
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-10 sm:px-6">
      <div className="mb-6 flex items-center gap-3">
        <span aria-hidden className="flex size-10 items-center justify-center rounded-full bg-emerald-100 text-xl text-emerald-800">
          ✓
        </span>
        <h1 className="text-3xl font-bold text-stone-900">You&apos;re booked!</h1>
      </div>
      <p className="mb-6 text-stone-700">We sent a confirmation to {appointment.customer.email}.</p>
      {visitSegments && <div className="mb-6">{visitSegments}</div>}
      <BookingSummary
        title={visit ? "Where and your note" : "Appointment details"}
        rows={[
          ...(visit
            ? []
            : [
                ...when,
                {
                  label: "Duration and price",
                  value: `${formatDuration(appointment.durationMinutes)} · ${formatPrice(appointment.priceCents, appointment.currency, salon.locale)}`,
                },
              ]),
          { label: "Where", value: `${salon.name}, ${salon.address}` },
          ...(appointment.note ? [{ label: "Your note", value: appointment.note }] : []),
        ]}
      />
      <section aria-labelledby="add-to-calendar" className="mt-6">
        <h2 id="add-to-calendar" className="mb-3 font-semibold text-stone-900">
          Add to your calendar
        </h2>
        <div className="flex flex-wrap gap-3">
          <a href={`/appointments/${appointment.id}/calendar.ics`} download className={buttonClass("secondary")}>
            Download .ics file
          </a>
          <a
            href={visit ? visitGoogleLink(visit, salon, env().APP_URL) : appointmentGoogleLink(appointment, salon, env().APP_URL)}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClass("secondary")}
          >
            Google Calendar<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </div>
      </section>
      <div className="mt-8 flex flex-wrap gap-3 border-t border-stone-200 pt-6">
        <Link href={`/appointments/${appointment.id}`} className={buttonClass("primary")}>
          {visit ? "Manage this visit" : "Manage this appointment"}
        </Link>
        <Link href="/appointments" className={buttonClass("ghost")}>
          All my appointments
        </Link>
      </div>
    </main>
  );
}
