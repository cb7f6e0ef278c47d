import { ButtonActionForm } from "@/components/forms/button-action-form";
import { Section } from "@/components/ui/section";
import { formatSalonDate, formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";
import { leaveWaitlistAction } from "@/lib/waitlist/actions";
import { BookOfferButton } from "@/app/waitlist/_components/book-offer-button";

type Props = {
  salon: SalonFormat;
  entries: Array<{ id: string; serviceName: string; stylistName: string | null; fromDate: string; toDate: string; windowsLabel: string }>;
  /** A visit's offer names its services in order ("Cut, then Colour") and its stylists. */
  offers: Array<{ id: string; serviceName: string; stylistName: string; startsAt: Date }>;
};

const dayLabel = (date: string, salon: SalonFormat) => formatSalonDate(new Date(`${date}T12:00:00Z`), salon);

/** The customer's waitlist: times offered to them (bookable here with their session) and their entries. */
export function WaitlistSection({ salon, entries, offers }: Props) {
  return (
    <Section id="waitlist" title="Waitlist" className="mb-10" size="xl" anchor>
      {offers.length > 0 && (
        <ul className="mb-6 flex flex-col gap-3" aria-label="Times offered to you">
          {offers.map((offer) => (
            <li key={offer.id} className="rounded-xl border border-brand-700 bg-white p-4">
              <p className="mb-3 text-stone-900">
                Offered to you: {offer.serviceName} with {offer.stylistName}, {formatSalonDateTime(offer.startsAt, salon)}
              </p>
              <BookOfferButton offerId={offer.id} />
            </li>
          ))}
        </ul>
      )}
      {entries.length === 0 ? (
        <p className="text-stone-700">You are not waiting for any time. When a day is full, join its waitlist from the booking page.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4"
            >
              <p className="text-stone-900">
                {entry.serviceName} with {entry.stylistName ?? "any stylist"}, {dayLabel(entry.fromDate, salon)}
                {entry.toDate !== entry.fromDate && ` to ${dayLabel(entry.toDate, salon)}`} ({entry.windowsLabel})
              </p>
              <ButtonActionForm
                action={leaveWaitlistAction}
                fields={{ entryId: entry.id }}
                label="Leave the waitlist"
                variant="secondary"
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
