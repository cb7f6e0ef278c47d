import { formatSalonDate, type SalonFormat } from "@/lib/time/format-when";
import type { StaffForEdit } from "@/lib/staff/data";
import { RemoveTimeOffForm, TimeOffForm } from "./time-off-form";

/** A stylist's coming time off with its forms (the admin's stylist page and a stylist's own schedule). */
export function TimeOffSection({ staff, salon }: { staff: StaffForEdit; salon: SalonFormat }) {
  return (
    <section aria-labelledby="time-off-heading" className="mt-8">
      <h2 id="time-off-heading" className="mb-2 text-lg font-semibold">
        Time off
      </h2>
      {staff.timeOff.length === 0 ? (
        <p className="mb-3 text-sm text-stone-700">None coming up.</p>
      ) : (
        <ul className="mb-3 list-disc pl-5 text-sm">
          {staff.timeOff.map((off) => {
            const label = `${formatSalonDate(off.startsAt, salon)} until ${formatSalonDate(new Date(off.endsAt.getTime() - 1), salon)}`;
            return (
              <li key={off.id}>
                {label}
                {off.reason ? ` — ${off.reason}` : ""} <RemoveTimeOffForm staffId={staff.id} timeOffId={off.id} label={label} />
              </li>
            );
          })}
        </ul>
      )}
      <TimeOffForm staffId={staff.id} />
    </section>
  );
}
