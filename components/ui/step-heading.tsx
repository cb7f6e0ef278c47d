"use client";

import { useEffect, useRef, type ReactNode } from "react";

// The first page load keeps the browser's own focus (top of the page, skip link); only moving between
// steps sends focus to the new step's heading, so keyboard and screen-reader users land on the news.
let firstMount = true;

export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstMount) firstMount = false;
    else ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className="text-xl font-semibold text-stone-900 sm:text-2xl">
      {children}
    </h2>
  );
}
