import type { FormHTMLAttributes } from "react";
import type { ActionState } from "@/lib/action-state";
import { ActionMessage } from "./action-message";
import { SubmitRow } from "./submit-row";

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, "action"> & {
  /** What useActionForm returned for this form. */
  form: { state: ActionState; formAction: (formData: FormData) => void; pending: boolean };
  /** Class of the box around the message at the top, e.g. a full-width grid span. */
  messageClassName?: string;
  success?: boolean;
};

/** The dashboard's two-column form: its message and its submit button, like any full-width row, span both columns. */
export function TwoColumnActionForm({
  className = "max-w-3xl",
  submitLabel,
  children,
  ...rest
}: Omit<Props, "messageClassName"> & { submitLabel: string }) {
  return (
    <ActionForm {...rest} className={`grid gap-4 sm:grid-cols-2 ${className}`} messageClassName="sm:col-span-2">
      {children}
      <SubmitRow className="sm:col-span-2" pending={rest.form.pending}>
        {submitLabel}
      </SubmitRow>
    </ActionForm>
  );
}

/** A form posting to its server action (so it works before hydration), its outcome shown at the top. */
export function ActionForm({ form, messageClassName, success, children, ...rest }: Props) {
  const message = <ActionMessage state={form.state} success={success} />;
  return (
    <form action={form.formAction} {...rest}>
      {messageClassName ? <div className={messageClassName}>{message}</div> : message}
      {children}
    </form>
  );
}
