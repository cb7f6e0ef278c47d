"use client";

import { useEffect, useState } from "react";

/**
 * A short-lived confirmation ("Appointment booked"). It sits in a fixed corner so it never shifts the
 * layout, is announced politely, and stays while hovered or focused so nobody is rushed (WCAG 2.2.1).
 */
export function Toast({ message }: { message?: string }) {
  const [visible, setVisible] = useState(Boolean(message));
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!visible || paused) return;
    const timer = setTimeout(() => setVisible(false), 8000);
    return () => clearTimeout(timer);
  }, [visible, paused]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {visible && message && (
        <div
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          className="pointer-events-auto flex items-center gap-4 rounded-xl bg-stone-900 px-4 py-3 text-sm text-white shadow-lg"
        >
          <span>{message}</span>
          <button type="button" onClick={() => setVisible(false)} className="rounded px-2 py-1 font-semibold underline">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
