"use client";

import { Button } from "./button";

/** What a route's error boundary shows: plain words and a way to try again, never a stack trace. */
export function ErrorPanel({ reset }: { reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center sm:px-6">
      <h1 className="text-3xl font-bold text-stone-900">Something went wrong</h1>
      <p className="mt-3 text-stone-700">Sorry — we could not load this page. Please try again; if it keeps happening, call the salon.</p>
      <Button type="button" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
