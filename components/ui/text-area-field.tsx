import type { TextareaHTMLAttributes } from "react";
import { Field } from "./field";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled textarea whose hint and error are tied to it with aria-describedby, like TextField. */
export function TextAreaField({ label, name, error, hint, id = `field-${name}`, className = "", ...rest }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          className="rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-invalid:border-red-700"
          {...rest}
        />
      )}
    </Field>
  );
}
