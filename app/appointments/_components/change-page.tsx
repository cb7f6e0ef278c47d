import Link from "next/link";
import type { ReactNode } from "react";

const widths = { narrow: "max-w-3xl", wide: "max-w-5xl" };

type Props = { appointmentId: string; title: ReactNode; summary: ReactNode; width: keyof typeof widths; children: ReactNode };

/** The frame of a page that changes one appointment (cancel, reschedule): the way back, what is being changed. */
export function ChangePage({ appointmentId, title, summary, width, children }: Props) {
  return (
    <main id="main" className={`mx-auto w-full ${widths[width]} flex-1 px-4 py-8 sm:px-6`}>
      <p className="mb-4 text-sm">
        <Link href={`/appointments/${appointmentId}`} className="text-brand-700 underline">
          ← Back to the appointment
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold text-stone-900">{title}</h1>
      <p className="mb-6 text-stone-700">{summary}</p>
      {children}
    </main>
  );
}
