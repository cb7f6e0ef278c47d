import type { TextareaHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldProps } from "./field";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

/** A labelled textarea whose hint and error are tied to it with aria-describedby, like TextField. */
export function TextAreaField(props: TextAreaFieldProps) {
  const [field, rest] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          className="rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-invalid:border-red-700"
          {...rest}
        />
      )}
    </Field>
  );
}
