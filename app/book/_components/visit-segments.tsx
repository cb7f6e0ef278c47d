import { formatDuration, formatPrice } from "@/lib/format";
import { formatSalonDate, formatSalonTime, type SalonFormat } from "@/lib/time/format-when";

export type VisitSegmentLine = { serviceName: string; staffName: string; startsAt: Date; endsAt: Date; priceCents: number };

type Props = { segments: VisitSegmentLine[]; currency: string; salon: SalonFormat; title?: string };

/** A visit's services in order, each with its time and stylist, then what the whole visit takes and costs. */
export function VisitSegments({ segments, currency, salon, title = "Your visit" }: Props) {
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return null;
  const minutes = Math.round((last.endsAt.getTime() - first.startsAt.getTime()) / 60_000);
  const cents = segments.reduce((total, segment) => total + segment.priceCents, 0);
  return (
    <div className="rounded-2xl border border-stone-200 bg-white p-5" data-testid="visit-segments">
      <h3 id="visit-segments-heading" className="mb-1 font-semibold text-stone-900">
        {title}
      </h3>
      <p className="mb-3 text-sm text-stone-700">{formatSalonDate(first.startsAt, salon)}</p>
      <ol aria-labelledby="visit-segments-heading" className="flex flex-col gap-3">
        {segments.map((segment, index) => (
          <li key={index} className="flex flex-col border-l-2 border-brand-700 pl-3 text-sm">
            <span className="font-medium text-stone-900">
              {index + 1} of {segments.length}: {segment.serviceName}
            </span>
            <span className="text-stone-700">
              {formatSalonTime(segment.startsAt, salon)} – {formatSalonTime(segment.endsAt, salon)} with {segment.staffName}
            </span>
          </li>
        ))}
      </ol>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-stone-200 pt-3 text-sm">
        <dt className="text-stone-600">Total time</dt>
        <dd className="font-medium text-stone-900">
          {formatDuration(minutes)} ({formatSalonTime(first.startsAt, salon)} – {formatSalonTime(last.endsAt, salon)})
        </dd>
        <dt className="text-stone-600">Total price</dt>
        <dd className="font-medium text-stone-900">{formatPrice(cents, currency, salon.locale)}</dd>
      </dl>
    </div>
  );
}
