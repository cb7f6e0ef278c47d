import { z } from "zod";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";

/**
 * The booking selection lives in the URL (?service=…&also=…&staff=…&date=…&start=…&note=…), so a guest
 * can pick, sign in or register, and come back to exactly the same choice through callbackUrl. Each field
 * is parsed leniently: a bad value is dropped and the flow simply asks for that step again.
 */
export const ANY_STAFF = "any";

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZSelectionId = z.string().min(1).max(191);

export const ZBookingSelection = z.object({
  service: ZSelectionId.optional().catch(undefined),
  /** The services added after the first, in order (one visit, back to back); repeated `also` params. */
  also: z
    .array(ZSelectionId)
    .max(MAX_VISIT_SEGMENTS - 1)
    .optional()
    .catch(undefined),
  staff: ZSelectionId.optional().catch(undefined),
  date: ZLocalDate.optional().catch(undefined),
  start: z.iso.datetime({ offset: true }).optional().catch(undefined),
  note: z.string().max(1000).optional().catch(undefined),
  /** "add": the service list again, to add one more service to the visit. */
  step: z.enum(["add", "details", "review"]).optional().catch(undefined),
  /** Set by the confirm action when someone else took the slot a moment earlier. */
  error: z.enum(["slot-taken"]).optional().catch(undefined),
});

export type TBookingSelection = z.infer<typeof ZBookingSelection>;

export type BookingStep = "service" | "staff" | "time" | "details" | "review";

/** The first step whose choice is still missing. */
export function currentStep(selection: TBookingSelection): BookingStep {
  if (!selection.service || selection.step === "add") return "service";
  if (!selection.staff) return "staff";
  if (!selection.start) return "time";
  return selection.step ?? "details";
}

export function parseSelection(params: Record<string, string | string[] | undefined>): TBookingSelection {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      key === "also" ? (value === undefined ? undefined : [value].flat()) : Array.isArray(value) ? value[0] : value,
    ]),
  );
  return ZBookingSelection.parse(flat);
}

/** Every chosen service, in visit order. */
export function selectedServiceIds(selection: TBookingSelection): string[] {
  return selection.service ? [selection.service, ...(selection.also ?? [])] : [];
}

/**
 * The selection with another service list: changing the services changes who can do them and when, so
 * the stylist, day and time are asked again (the note is kept).
 */
export function withServices(selection: TBookingSelection, serviceIds: string[]): TBookingSelection {
  const [service, ...also] = serviceIds;
  return { service, also: also.length > 0 ? also : undefined, note: selection.note };
}

/** The URL of a selection; `undefined` values are left out, so choosing a step again drops later ones. */
export function selectionHref(base: string, selection: TBookingSelection): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(selection)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
