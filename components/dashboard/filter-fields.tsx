import type { ReactNode } from "react";
import { SelectOptions } from "./select-field";

type Option = { value: string; label: string };

const labelClass = "flex flex-col text-sm font-medium text-stone-800";
const controlClass = "min-h-11 rounded-lg border border-stone-400 bg-white px-3 text-stone-900";

/** A GET form of several filters over a list or report page: every field lands in the page's query string. */
export function FilterBar({
  action,
  label,
  submitLabel,
  children,
}: {
  action: string;
  label: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form action={action} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold">
        {submitLabel}
      </button>
    </form>
  );
}

type SelectProps = {
  label: string;
  name: string;
  options: Option[];
  defaultValue: string | undefined;
  /** The label of the empty choice that applies no filter; without it a value is always chosen. */
  anyLabel?: string;
};

export function FilterSelect({ label, name, options, defaultValue, anyLabel }: SelectProps) {
  return (
    <label className={labelClass}>
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={controlClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        <SelectOptions options={options} />
      </select>
    </label>
  );
}

export function FilterDate({ label, name, defaultValue }: { label: string; name: string; defaultValue: string | undefined }) {
  return (
    <label className={labelClass}>
      {label}
      <input name={name} type="date" defaultValue={defaultValue} className={controlClass} />
    </label>
  );
}
