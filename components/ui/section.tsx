import type { ReactNode } from "react";

type Props = { id: string; title: ReactNode; children: ReactNode; className?: string; headingClassName?: string };

/** A titled region of a page: the h2 names the section for screen readers (aria-labelledby on `${id}-heading`). */
export function Section({ id, title, children, className, headingClassName = "mb-2" }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className={`${headingClassName} text-lg font-semibold`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
