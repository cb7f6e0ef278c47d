import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/action-state";

/** What a submit answered: its error, and with `success` its good news too (else the page moves on). */
export function ActionMessage({ state, success = false }: { state: ActionState; success?: boolean }) {
  const shown = state.status === "error" || (success && state.status === "success");
  return <FormMessage tone={state.status === "success" ? "success" : "error"} message={shown ? state.message : undefined} />;
}
