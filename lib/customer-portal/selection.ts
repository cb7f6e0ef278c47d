import { z } from "zod";

/**
 * The booking selection lives in the URL (?service=…&staff=…&date=…&start=…&note=…), so a guest can
 * pick, sign in or register, and come back to exactly the same choice through callbackUrl. Each field is
 * parsed leniently: a bad value is dropped and the flow simply asks for that step again.
 */
export const ANY_STAFF = "any";

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZBookingSelection = z.object({
  service: z.string().min(1).max(191).optional().catch(undefined),
  staff: z.string().min(1).max(191).optional().catch(undefined),
  date: ZLocalDate.optional().catch(undefined),
  start: z.iso.datetime({ offset: true }).optional().catch(undefined),
  note: z.string().max(1000).optional().catch(undefined),
  step: z.enum(["details", "review"]).optional().catch(undefined),
  /** Set by the confirm action when someone else took the slot a moment earlier. */
  error: z.enum(["slot-taken"]).optional().catch(undefined),
});

export type TBookingSelection = z.infer<typeof ZBookingSelection>;

export type BookingStep = "service" | "staff" | "time" | "details" | "review";

/** The first step whose choice is still missing. */
export function currentStep(selection: TBookingSelection): BookingStep {
  if (!selection.service) return "service";
  if (!selection.staff) return "staff";
  if (!selection.start) return "time";
  return selection.step ?? "details";
}

export function parseSelection(params: Record<string, string | string[] | undefined>): TBookingSelection {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return ZBookingSelection.parse(flat);
}

/** The URL of a selection; `undefined` values are left out, so choosing a step again drops later ones. */
export function selectionHref(base: string, selection: TBookingSelection): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(selection)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
