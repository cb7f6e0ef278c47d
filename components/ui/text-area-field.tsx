import type { TextareaHTMLAttributes } from "react";
import { controlClass, Field, splitFieldProps, type FieldProps } from "./field";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

/** A labelled textarea whose hint and error are tied to it with aria-describedby, like TextField. */
export function TextAreaField(props: TextAreaFieldProps) {
  const [field, rest] = splitFieldProps(props);
  return <Field {...field}>{(control) => <textarea {...control} className={controlClass} {...rest} />}</Field>;
}
