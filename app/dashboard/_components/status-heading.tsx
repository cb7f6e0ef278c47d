import type { ReactNode } from "react";
import { statusStyles } from "@/lib/dashboard/labels";

type Props = { children: ReactNode; status: keyof typeof statusStyles };

/** A record page's title with its status beside it, in words and an icon as well as colour. */
export function StatusHeading({ children, status }: Props) {
  const style = statusStyles[status];
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <h1 className="text-2xl font-bold text-stone-900">{children}</h1>
      <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${style.badge}`}>
        <span aria-hidden>{style.icon} </span>
        {style.label}
      </span>
    </div>
  );
}
