import { formatDuration, formatPrice } from "@/lib/format";
import { formatSalonDate, formatSalonTime, type SalonFormat } from "@/lib/time/format-when";
import { ANY_STAFF, selectionHref, type TBookingSelection } from "./selection";

type Known = {
  service?: { name: string; durationMinutes: number; priceCents: number; currency: string };
  stylistName?: string;
  salon: SalonFormat;
};

/** The summary rows for the choices made so far; each "Change" link keeps the earlier choices only. */
export function selectionSummaryRows(selection: TBookingSelection, known: Known) {
  const rows: { label: string; value: string; changeHref?: string }[] = [];
  if (known.service) {
    rows.push({ label: "Service", value: known.service.name, changeHref: "/book" });
    rows.push({
      label: "Duration and price",
      value: `${formatDuration(known.service.durationMinutes)} · ${formatPrice(known.service.priceCents, known.service.currency, known.salon.locale)}`,
    });
  }
  if (selection.staff) {
    rows.push({
      label: "Stylist",
      value: selection.staff === ANY_STAFF ? "Anyone available" : (known.stylistName ?? ""),
      changeHref: selectionHref("/book", { service: selection.service }),
    });
  }
  if (selection.start) {
    const start = new Date(selection.start);
    rows.push({
      label: "Date and time",
      value: `${formatSalonDate(start, known.salon)}, ${formatSalonTime(start, known.salon)}`,
      changeHref: selectionHref("/book", {
        service: selection.service,
        staff: selection.staff,
        date: selection.date,
        note: selection.note,
      }),
    });
  }
  if (selection.note && selection.step === "review") {
    rows.push({ label: "Note", value: selection.note, changeHref: selectionHref("/book", { ...selection, step: "details" }) });
  }
  return rows;
}
