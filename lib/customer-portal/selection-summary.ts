import { formatDuration, formatPrice } from "@/lib/format";
import { formatSalonDate, formatSalonTime, type SalonFormat } from "@/lib/time/format-when";
import { ANY_STAFF, selectionHref, withServices, type TBookingSelection } from "./selection";

type Known = {
  /** The chosen services, in visit order (one for a single appointment). */
  services: { id: string; name: string; durationMinutes: number; priceCents: number; currency: string }[];
  stylistName?: string;
  salon: SalonFormat;
};

/** The summary rows for the choices made so far; each "Change" link keeps the earlier choices only. */
export function selectionSummaryRows(selection: TBookingSelection, known: Known) {
  const rows: { label: string; value: string; changeHref?: string }[] = [];
  const [first, ...more] = known.services;
  if (first) {
    const minutes = known.services.reduce((total, service) => total + service.durationMinutes, 0);
    const cents = known.services.reduce((total, service) => total + service.priceCents, 0);
    rows.push(
      more.length === 0
        ? { label: "Service", value: first.name, changeHref: "/book" }
        : {
            label: "Services",
            value: known.services.map((service) => service.name).join(" + "),
            // Back to the list with its "Add another service" and "Remove" links.
            changeHref: selectionHref(
              "/book",
              withServices(
                selection,
                known.services.map((service) => service.id),
              ),
            ),
          },
    );
    rows.push({
      label: more.length === 0 ? "Duration and price" : "Treatment time and price",
      value: `${formatDuration(minutes)} · ${formatPrice(cents, first.currency, known.salon.locale)}`,
    });
  }
  if (selection.staff) {
    rows.push({
      label: "Stylist",
      value: selection.staff === ANY_STAFF ? "Anyone available" : (known.stylistName ?? ""),
      changeHref: selectionHref("/book", { service: selection.service, also: selection.also }),
    });
  }
  if (selection.start) {
    const start = new Date(selection.start);
    rows.push({
      label: "Date and time",
      value: `${formatSalonDate(start, known.salon)}, ${formatSalonTime(start, known.salon)}`,
      changeHref: selectionHref("/book", {
        service: selection.service,
        also: selection.also,
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
