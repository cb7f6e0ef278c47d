import type { ReactNode } from "react";

const headingSizes = { lg: "text-lg", xl: "text-xl", "2xl": "text-2xl" };

type Props = {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  size?: keyof typeof headingSizes;
  /** Also puts the id on the section, for pages that link to their sections with #id. */
  anchor?: boolean;
};

/** A titled region of a page: its h2 names the region for screen readers (aria-labelledby `${id}-heading`). */
export function Section({ id, title, children, className, size = "lg", anchor = false }: Props) {
  return (
    <section id={anchor ? id : undefined} aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className={`mb-3 ${headingSizes[size]} font-semibold text-stone-900`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
