import type { ActionState } from "@/lib/action-state";

type Props = { state: ActionState; success?: boolean; inline?: boolean; className?: string };

/**
 * The outcome of a small form inside a list row, next to its button instead of on top of the page:
 * its error, and with `success` its good news too.
 */
export function RowOutcome({ state, success = false, inline = false, className = "" }: Props) {
  const isError = state.status === "error";
  if (!isError && !(success && state.status === "success")) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag role={isError ? "alert" : "status"} className={`${className} text-sm ${isError ? "text-red-700" : "text-emerald-800"}`.trim()}>
      {state.message}
    </Tag>
  );
}
