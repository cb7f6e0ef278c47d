import { SelectField } from "@/components/dashboard/select-field";

const options = [
  { value: "earlier", label: "The first time (before the clocks go back)" },
  { value: "later", label: "The second time (after the clocks go back)" },
];

/**
 * On the day the clocks go back, one hour happens twice. The action asks which one (a field error) only
 * for such a time, and this choice appears then; otherwise the form stays as it was.
 */
export function OccurrenceField({ id, value, error }: { id?: string; value?: string; error?: string }) {
  if (!error && !value) return null;
  return (
    <SelectField
      key={`occurrence-${value}`}
      id={id}
      label="Which one?"
      name="occurrence"
      options={options}
      defaultValue={value ?? "earlier"}
      error={error}
    />
  );
}
