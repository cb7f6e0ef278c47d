import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/action-state";

type Props = { verb: "Book" | "Move"; state: ActionState; value?: string; error?: string; id?: string; className?: string };

/**
 * Booking or moving a service that needs a patch test the customer does not have: the core answers
 * PATCH_TEST_REQUIRED, and only then does staff get the field to go ahead anyway with a reason.
 */
export function PatchTestOverrideField({ verb, state, value, error, id, className }: Props) {
  if (state.code !== "PATCH_TEST_REQUIRED" && !value) return null;
  return (
    <TextField
      className={className}
      label={`${verb} without a valid patch test: reason (kept with the appointment)`}
      name="patchTestOverrideReason"
      id={id}
      defaultValue={value}
      error={error}
    />
  );
}
