import { TextField } from "@/components/ui/text-field";
import type { useActionForm } from "@/components/forms/use-action-form";

type Props = Pick<ReturnType<typeof useActionForm>, "values" | "fieldError" | "fieldProps">;

/** Who a walk-in or phone booking is for: found by email, or a new account created from these fields. */
export function CustomerFields({ values, fieldError, fieldProps }: Props) {
  return (
    <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
      <legend className="mb-2 text-base font-semibold text-stone-900">Customer</legend>
      <TextField label="Name" {...fieldProps("customerName")} autoComplete="off" />
      <TextField
        label="Email"
        name="customerEmail"
        type="email"
        autoComplete="off"
        defaultValue={values.customerEmail}
        error={fieldError("customerEmail") ?? fieldError("email")}
        hint="An existing customer is matched by email; a new email creates their account."
      />
      <TextField label="Phone (optional)" {...fieldProps("customerPhone")} type="tel" />
    </fieldset>
  );
}
