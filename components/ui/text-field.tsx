import type { InputHTMLAttributes, Ref } from "react";
import { controlClass, Field, splitFieldProps, type FieldProps } from "./field";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldProps & { ref?: Ref<HTMLInputElement> };

/** A labelled input whose hint and error are tied to it with aria-describedby, so they are read out. */
export function TextField(props: TextFieldProps) {
  const [field, rest] = splitFieldProps(props);
  return <Field {...field}>{(control) => <input {...control} className={`min-h-11 ${controlClass}`} {...rest} />}</Field>;
}
