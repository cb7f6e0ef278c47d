import type { InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "className"> & { label: string; name: string; hint?: string; className?: string };

/** A checkbox with its label as a 44 px target; the hint is read with it. */
export function CheckboxField({ label, name, hint, className = "", id = `field-${name}`, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm font-medium text-stone-800">
        <input id={id} name={name} type="checkbox" aria-describedby={hintId} className="size-5 accent-brand-700" {...rest} />
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-stone-700">
          {hint}
        </p>
      )}
    </div>
  );
}
