import type { Metadata } from "next";
import Link from "next/link";
import { FormMessage } from "@/components/ui/form-message";
import { StepHeading } from "@/components/ui/step-heading";
import { requireUser } from "@/lib/auth/session";
import { bookableMonths } from "@/lib/customer-portal/bookable-months";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { formatSalonDateTime, salonLocalDate } from "@/lib/time/format-when";
import { loadOwnAppointment, loadOwnVisitOf } from "@/lib/customer-portal/load-appointment";
import { visitLabels } from "@/lib/customer-portal/visit-groups";
import { rescheduleVisitAction } from "@/lib/customer-portal/visit-actions";
import { parseSelection } from "@/lib/customer-portal/selection";
import { getSalonSettings } from "@/lib/salon/data";
import { SlotPicker } from "../../../book/_components/slot-picker";
import { ChangeBlocked } from "../../_components/change-blocked";
import { ChangePage } from "../../_components/change-page";
import { RescheduleForm } from "../../_components/reschedule-form";

export const metadata: Metadata = { title: "Reschedule appointment" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The booking flow's picker, opened on the current appointment's day; same stylist, same service. */
export default async function ReschedulePage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/appointments/${id}/reschedule`);
  const [appointment, salon] = await Promise.all([loadOwnAppointment(user, id), getSalonSettings()]);
  const { date, start, error } = parseSelection(query);
  const tz = salon.timezone;
  // A visit of several services moves whole: every service keeps its stylist and its place in the order.
  const visit = await loadOwnVisitOf(user, appointment);
  const moved = visit ?? appointment;
  const labels = visit ? visitLabels(visit) : { services: appointment.service.name, stylists: appointment.staff.name };
  const allowed = changeAvailability(moved, "reschedule", salon.rescheduleCutoffMinutes, new Date());
  return (
    <ChangePage
      appointmentId={id}
      title={visit ? "Reschedule your visit" : `Reschedule ${appointment.service.name}`}
      summary={`${visit ? `${labels.services}: currently` : "Currently"} ${formatSalonDateTime(moved.startsAt, salon)} with ${labels.stylists}.`}
      width="wide"
    >
      {!allowed.allowed ? (
        <ChangeBlocked reason={allowed.reason} salon={salon} />
      ) : start ? (
        <section aria-labelledby="step-heading" className="flex flex-col gap-4">
          <StepHeading id="step-heading">Confirm the new time</StepHeading>
          <p className="text-stone-900">
            {visit ? "Start your visit at" : "Move to"} <strong>{formatSalonDateTime(new Date(start), salon)}</strong> with{" "}
            {labels.stylists}.{" "}
            <Link href={`/appointments/${id}/reschedule?date=${date ?? ""}`} className="text-brand-700 underline">
              Choose another time
            </Link>
          </p>
          <RescheduleForm
            appointmentId={appointment.id}
            version={moved.version}
            start={start}
            date={date}
            action={visit ? rescheduleVisitAction : undefined}
          />
        </section>
      ) : (
        <section aria-labelledby="step-heading" className="flex flex-col gap-4">
          <StepHeading id="step-heading">Choose a new date and time</StepHeading>
          {error === "slot-taken" && (
            <FormMessage tone="error" message="Sorry — that time was taken a moment ago. Here are the times still free." />
          )}
          <SlotPicker
            serviceIds={visit ? visit.segments.map((segment) => segment.serviceId) : [appointment.serviceId]}
            locale={salon.locale}
            staffId={appointment.staffId}
            minMonth={bookableMonths(salon).min}
            maxMonth={bookableMonths(salon).max}
            initialDate={date ?? salonLocalDate(moved.startsAt, tz)}
            currentStart={moved.startsAt.toISOString()}
            excludeAppointmentId={visit ? undefined : appointment.id}
            visitId={visit?.id}
            baseHref={`/appointments/${id}/reschedule`}
            keep={{}}
          />
        </section>
      )}
    </ChangePage>
  );
}
