import type { TextareaHTMLAttributes } from "react";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled textarea whose hint and error are tied to it with aria-describedby, like TextField. */
export function TextAreaField({ label, name, error, hint, id = `field-${name}`, className = "", ...rest }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-invalid:border-red-700"
        {...rest}
      />
      {hint && <p id={hintId} className="text-sm text-stone-600">{hint}</p>}
      {error && <p id={errorId} className="text-sm font-medium text-red-700">{error}</p>}
    </div>
  );
}
