import type { ReactNode } from "react";

export type FieldControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** What a labelled field takes besides the attributes of its control. */
export type FieldProps = { label: string; name: string; id?: string; error?: string; hint?: string; className?: string };

/** The border and colours every text control shares, its invalid state included. */
export const controlClass = "rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-invalid:border-red-700";

/** Splits a field's props into its own and the ones its control receives. */
export function splitFieldProps<T extends FieldProps>({ label, name, id, error, hint, className, ...control }: T) {
  return [{ label, name, id, error, hint, className }, control] as const;
}

type Props = FieldProps & {
  /** The control, given its id, name and the aria attributes that tie the hint and error to it. */
  children: (control: FieldControlProps) => ReactNode;
};

/** A label, a control and its hint and error, tied together with aria-describedby so they are read out. */
export function Field({ label, name, id = `field-${name}`, error, hint, className = "", children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({ id, name, ...(error ? { "aria-invalid": true } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
