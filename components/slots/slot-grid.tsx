"use client";

import { handleRovingKeyDown } from "@/components/hooks/roving-focus";

export type SlotGridGroup = { id: string; label: string; items: { id: string; label: string; description: string; current?: boolean }[] };

type SlotGridProps = { groups: SlotGridGroup[]; selectedId?: string; labelledBy: string; onSelect: (id: string) => void };

/**
 * Times as named groups of buttons with ONE Tab stop: arrow keys move between times (across groups),
 * Enter/Space choose. Each button's accessible name carries the full date and time, not just "10:30".
 */
export function SlotGrid({ groups, selectedId, labelledBy, onSelect }: SlotGridProps) {
  const all = groups.flatMap((group) => group.items);
  const tabStop = all.find((item) => item.id === selectedId)?.id ?? all[0]?.id;
  return (
    <div role="group" aria-labelledby={labelledBy} onKeyDown={(event) => handleRovingKeyDown(event)} className="flex flex-col gap-5">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`slot-group-${group.id}`}>
          <h4 id={`slot-group-${group.id}`} className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600">
            {group.label}
          </h4>
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-5">
            {group.items.map((item) => {
              const selected = item.id === selectedId;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    data-roving
                    tabIndex={item.id === tabStop ? 0 : -1}
                    aria-pressed={selected}
                    aria-label={item.description}
                    onClick={() => onSelect(item.id)}
                    className={`min-h-11 w-full rounded-lg border text-sm font-semibold ${
                      selected
                        ? "border-brand-700 bg-brand-700 text-white"
                        : "border-stone-300 bg-white text-stone-900 hover:border-brand-700 hover:bg-brand-50"
                    }`}
                  >
                    {item.label}
                    {item.current && <span className="block text-xs font-normal">current</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
