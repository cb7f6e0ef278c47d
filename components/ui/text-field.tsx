import type { InputHTMLAttributes, Ref } from "react";
import { Field } from "./field";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input whose hint and error are tied to it with aria-describedby, so they are read out. */
export function TextField({ label, name, error, hint, id = `field-${name}`, className = "", ...rest }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <input
          {...control}
          name={name}
          className="min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-invalid:border-red-700"
          {...rest}
        />
      )}
    </Field>
  );
}
