"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-fetches the server-rendered page every few seconds, so two staff on two screens see each other's
 * changes within 10 s. router.refresh() keeps client state (focus, open forms) and skips hidden tabs.
 */
export function AutoRefresh({ intervalMs = 8_000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
