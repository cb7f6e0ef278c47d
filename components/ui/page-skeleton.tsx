/** A neutral placeholder with the page's shape, so content arriving does not shift the layout. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <main id="main" aria-busy className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
      <p className="sr-only" role="status">{label}</p>
      <div aria-hidden className="flex flex-col gap-4">
        <div className="h-9 w-64 animate-pulse rounded-lg bg-stone-200" />
        <div className="h-6 w-96 max-w-full animate-pulse rounded bg-stone-200" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 6 }, (_, index) => <div key={index} className="h-32 animate-pulse rounded-xl bg-stone-200" />)}
        </div>
      </div>
    </main>
  );
}
