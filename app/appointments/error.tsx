"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function RouteError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel reset={reset} />;
}
