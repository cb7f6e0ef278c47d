import type { ReactNode } from "react";

const titleClass = "text-2xl font-bold text-stone-900";

/** A dashboard page's heading, with its main action (e.g. "New service") on the right when it has one. */
export function PageHeader({ title, action }: { title: ReactNode; action?: ReactNode }) {
  if (!action) return <h1 className={`mb-4 ${titleClass}`}>{title}</h1>;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
      <h1 className={titleClass}>{title}</h1>
      {action}
    </div>
  );
}
