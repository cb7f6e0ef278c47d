"use client";

import { useEffect, useState } from "react";
import { toWallClock } from "@/lib/time/zoned";
import { PX_PER_MINUTE } from "./calendar-scale";

type Props = { timeZone: string; startMinute: number; endMinute: number };

/**
 * The current time across today's lanes, in the salon's timezone (not the browser's). Rendered after
 * mount only, so server and client never disagree about "now" during hydration.
 */
export function NowLine({ timeZone, startMinute, endMinute }: Props) {
  const [minute, setMinute] = useState<number | null>(null);
  useEffect(() => {
    const update = () => setMinute(toWallClock(Date.now(), timeZone).minuteOfDay);
    update();
    const timer = setInterval(update, 30_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  if (minute === null || minute < startMinute || minute >= endMinute) return null;
  return (
    <div
      data-now-line
      aria-hidden
      className="pointer-events-none absolute inset-x-0 z-40 border-t-2 border-red-600"
      style={{ top: (minute - startMinute) * PX_PER_MINUTE }}
    >
      <span className="absolute -left-1 -top-1.5 size-3 rounded-full bg-red-600" />
    </div>
  );
}
