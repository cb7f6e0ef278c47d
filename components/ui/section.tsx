import type { ReactNode } from "react";

type Props = { id: string; title: ReactNode; children: ReactNode; className?: string; size?: "lg" | "xl" };

const headingSizes = { lg: "text-lg", xl: "text-xl" };

/** A titled region of a page: its h2 names the region for screen readers (aria-labelledby `${id}-heading`). */
export function Section({ id, title, children, className, size = "lg" }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className={`mb-3 ${headingSizes[size]} font-semibold text-stone-900`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
