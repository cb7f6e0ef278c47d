import type { SelectHTMLAttributes } from "react";
import { controlClass } from "@/components/ui/field";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: Option[];
  error?: string;
};

type Option = { value: string; label: string };

/** The usual options: each record's id as the value, its name as the label. */
export function namedOptions(items: ReadonlyArray<{ id: string; name: string }>): Option[] {
  return items.map(({ id, name }) => ({ value: id, label: name }));
}

/** The options of a select, one per value. */
export function SelectOptions({ options }: { options: Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A labelled select whose error is tied to it with aria-describedby (the TextField of selects). */
export function SelectField({ label, name, options, error, id = `field-${name}`, ...rest }: Props) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`min-h-11 ${controlClass}`}
        {...rest}
      >
        <SelectOptions options={options} />
      </select>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
