import type { Metadata } from "next";
import Link from "next/link";
import { FormMessage } from "@/components/ui/form-message";
import { StepHeading } from "@/components/ui/step-heading";
import { requireUser } from "@/lib/auth/session";
import { bookableMonths } from "@/lib/customer-portal/bookable-months";
import { changeAvailability } from "@/lib/booking/cutoffs";
import { formatSalonDateTime, salonLocalDate } from "@/lib/time/format-when";
import { loadOwnAppointment } from "@/lib/customer-portal/load-appointment";
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
  const allowed = changeAvailability(appointment, "reschedule", salon.rescheduleCutoffMinutes, new Date());
  return (
    <ChangePage
      appointmentId={id}
      title={`Reschedule ${appointment.service.name}`}
      summary={`Currently ${formatSalonDateTime(appointment.startsAt, salon)} with ${appointment.staff.name}.`}
      width="wide"
    >
      {!allowed.allowed ? (
        <ChangeBlocked reason={allowed.reason} salon={salon} />
      ) : start ? (
        <section aria-labelledby="step-heading" className="flex flex-col gap-4">
          <StepHeading id="step-heading">Confirm the new time</StepHeading>
          <p className="text-stone-900">
            Move to <strong>{formatSalonDateTime(new Date(start), salon)}</strong> with {appointment.staff.name}.{" "}
            <Link href={`/appointments/${id}/reschedule?date=${date ?? ""}`} className="text-brand-700 underline">
              Choose another time
            </Link>
          </p>
          <RescheduleForm appointmentId={appointment.id} version={appointment.version} start={start} date={date} />
        </section>
      ) : (
        <section aria-labelledby="step-heading" className="flex flex-col gap-4">
          <StepHeading id="step-heading">Choose a new date and time</StepHeading>
          {error === "slot-taken" && (
            <FormMessage tone="error" message="Sorry — that time was taken a moment ago. Here are the times still free." />
          )}
          <SlotPicker
            serviceId={appointment.serviceId}
            locale={salon.locale}
            staffId={appointment.staffId}
            minMonth={bookableMonths(salon).min}
            maxMonth={bookableMonths(salon).max}
            initialDate={date ?? salonLocalDate(appointment.startsAt, tz)}
            currentStart={appointment.startsAt.toISOString()}
            excludeAppointmentId={appointment.id}
            baseHref={`/appointments/${id}/reschedule`}
            keep={{}}
          />
        </section>
      )}
    </ChangePage>
  );
}
