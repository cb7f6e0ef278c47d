"use client";

import { QueryClient, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { MonthCalendar } from "@/components/calendar/month-calendar";
import { SlotGrid } from "@/components/slots/slot-grid";
import { Button } from "@/components/ui/button";
import type { MonthAvailabilityJson, SlotJson } from "@/lib/customer-portal/availability-request";
import { countByDate, dayPartLabels, groupByDayPart } from "@/lib/customer-portal/day-parts";
import { formatLongDate, monthOf } from "@/lib/time/calendar-month";

export type SlotPickerProps = {
  /** One service, or a visit's services in order. */
  serviceIds: string[];
  /** The salon's BCP 47 locale, for dates. */
  locale: string;
  staffId: string;
  minMonth: string;
  maxMonth: string;
  initialDate?: string;
  selectedStart?: string;
  /** The appointment's current time when rescheduling: marked "current" and not offered again. */
  currentStart?: string;
  /** The appointment being rescheduled: its own slot must not hide times that overlap it. */
  excludeAppointmentId?: string;
  /** A visit being rescheduled: its own services and stylists, its own time not counted as busy. */
  visitId?: string;
  /** Where a chosen time goes: these params plus date and start. */
  baseHref: string;
  keep: Record<string, string | string[]>;
};

type MonthQuery = { serviceIds: string[]; staffId: string; month: string; excludeAppointmentId?: string; visitId?: string };

async function fetchMonth({ serviceIds, staffId, month, excludeAppointmentId, visitId }: MonthQuery): Promise<MonthAvailabilityJson> {
  const params = new URLSearchParams({ staffId, month });
  for (const serviceId of serviceIds) params.append("serviceId", serviceId);
  if (excludeAppointmentId) params.set("excludeAppointmentId", excludeAppointmentId);
  if (visitId) params.set("visitId", visitId);
  const response = await fetch(`/api/availability?${params.toString()}`, { cache: "no-store" });
  // Errors are problem+json: `detail` says what went wrong in words a person can read.
  if (!response.ok) throw new Error((await response.json().catch(() => null))?.detail ?? "Could not load free times.");
  return response.json();
}

/** The calendar and times, with their own query client: only the booking pages load TanStack Query. */
export function SlotPicker({
  serviceIds,
  locale,
  staffId,
  minMonth,
  maxMonth,
  initialDate,
  selectedStart,
  currentStart,
  excludeAppointmentId,
  visitId,
  baseHref,
  keep,
}: SlotPickerProps) {
  // Handed straight to useQuery: nothing else here needs it, so no provider (and its code) is shipped.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  const router = useRouter();
  const [month, setMonth] = useState(initialDate ? monthOf(initialDate) : minMonth);
  const [date, setDate] = useState(initialDate);
  const timesHeading = useRef<HTMLHeadingElement>(null);
  const query = useQuery(
    {
      queryKey: ["availability", serviceIds, staffId, month, excludeAppointmentId, visitId],
      queryFn: () => fetchMonth({ serviceIds, staffId, month, excludeAppointmentId, visitId }),
    },
    client,
  );
  const slots = (query.data?.slots ?? []).filter((slot) => slot.startsAt !== currentStart);
  const counts = countByDate(slots);
  const daySlots = date ? slots.filter((slot) => slot.localDate === date) : [];

  const chooseDate = (next: string) => {
    setDate(next);
    // Keep the day in the URL, so signing in or reloading comes back to it.
    const url = new URL(window.location.href);
    url.searchParams.set("date", next);
    window.history.replaceState(null, "", url);
    requestAnimationFrame(() => timesHeading.current?.focus());
  };
  const chooseSlot = (startsAt: string) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(keep)) for (const item of [value].flat()) params.append(key, item);
    params.set("date", date ?? "");
    params.set("start", startsAt);
    router.push(`${baseHref}?${params.toString()}`);
  };

  const announcement = query.isPending
    ? "Loading free times…"
    : query.isError
      ? "Free times could not be loaded."
      : date
        ? `${daySlots.length} free times on ${formatLongDate(date, locale)}.`
        : `${counts.size} days with free times in this month.`;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,20rem)_1fr]">
      <p aria-live="polite" className="sr-only" data-testid="slots-announcement">
        {announcement}
      </p>
      <MonthCalendar
        month={month}
        locale={locale}
        counts={counts}
        selectedDate={date}
        minMonth={minMonth}
        maxMonth={maxMonth}
        loading={query.isPending}
        onSelectDate={chooseDate}
        onChangeMonth={(next) => {
          setMonth(next);
          setDate(undefined);
        }}
      />
      <div className="min-h-72 rounded-2xl border border-stone-200 bg-white p-4">
        <h3 ref={timesHeading} tabIndex={-1} id="times-heading" className="mb-4 font-semibold text-stone-900">
          {date ? `Times on ${formatLongDate(date, locale)}` : "Times"}
        </h3>
        {query.isPending ? (
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-hidden>
            {Array.from({ length: 8 }, (_, index) => (
              <div key={index} className="h-11 animate-pulse rounded-lg bg-stone-100" />
            ))}
          </div>
        ) : query.isError ? (
          <div className="flex flex-col items-start gap-3">
            <p className="text-red-800">{query.error.message}</p>
            {/* refetch never rejects: a failure lands in query.isError and this panel again. */}
            <Button type="button" variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </div>
        ) : !date ? (
          <p className="text-stone-700">
            {counts.size > 0 ? "Choose a day marked with a dot to see its free times." : "No free times this month — try the next month."}
          </p>
        ) : daySlots.length === 0 ? (
          <p className="text-stone-700">No free times on this day. Please choose another day.</p>
        ) : (
          <SlotGrid
            labelledBy="times-heading"
            selectedId={selectedStart}
            onSelect={chooseSlot}
            groups={groupByDayPart(daySlots).map(({ part, slots: group }) => ({
              id: part,
              label: dayPartLabels[part],
              items: group.map((slot) => ({
                id: slot.startsAt,
                label: slot.localTime,
                description: `${slot.localTime}, ${formatLongDate(slot.localDate, locale)}${slotStaffText(slot, staffId)}`,
              })),
            }))}
          />
        )}
      </div>
    </div>
  );
}

/** Who the customer would see: named when they chose someone, and for a visit every stylist in turn. */
function slotStaffText(slot: SlotJson, staffId: string): string {
  if (slot.segments) {
    const names = [...new Set(slot.segments.map((segment) => segment.staffName))];
    return staffId === "any" && names.length === 1 ? "" : ` with ${names.join(" then ")}`;
  }
  return staffId === "any" ? "" : ` with ${slot.staffName}`;
}
