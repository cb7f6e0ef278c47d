import type { OfferedVisitStart } from "@/lib/visits/data";

type Props = { legend: string; starts: OfferedVisitStart[]; value?: string; error?: string };

/**
 * The visit's free starts on the chosen day as radio buttons: each names its times and who does each
 * segment, so staff read what they book. Offered only from visit availability, never typed.
 */
export function VisitStartChoices({ legend, starts, value, error }: Props) {
  if (starts.length === 0) return <p className="text-sm text-stone-700">No free start that day fits the whole visit: try another day.</p>;
  const errorId = error ? "visit-start-error" : undefined;
  return (
    <fieldset aria-describedby={errorId} className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
      {error && (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <div className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-lg border border-stone-300 bg-white p-2">
        {starts.map((start) => (
          <label key={start.startsAt} className="flex min-h-11 items-center gap-2 text-sm text-stone-900">
            <input type="radio" name="startsAt" value={start.startsAt} defaultChecked={start.startsAt === value} className="h-4 w-4" />
            {start.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
