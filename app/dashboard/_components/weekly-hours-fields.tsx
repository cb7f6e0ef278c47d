import { TextField } from "@/components/ui/text-field";
import { WEEKDAYS } from "@/lib/staff/weekly-hours";

type Props = { values: Record<string, string | undefined>; error: (name: string) => string | undefined };

/** One line of intervals per weekday, shared by the admin's stylist form and a stylist's own schedule. */
export function WeeklyHoursFields({ values, error }: Props) {
  return (
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
      <legend className="mb-1 text-base font-semibold text-stone-900">Weekly hours</legend>
      <p className="text-sm text-stone-700 sm:col-span-2">
        Intervals like “09:00-13:00, 14:00-18:00” (the gap is the break); leave a day empty for a day off.
      </p>
      {WEEKDAYS.map((day, index) => (
        <TextField
          key={day}
          label={day}
          name={`hours${index + 1}`}
          defaultValue={values[`hours${index + 1}`]}
          error={error(`hours${index + 1}`)}
        />
      ))}
    </fieldset>
  );
}
