import Link from "next/link";
import type { ReactNode } from "react";

type Props = { title: string; token: string | undefined; askAgainHref: string; children: (token: string) => ReactNode };

/** A page opened from an emailed one-time link: its form, or (opened without the link) where to ask for one. */
export function OneTimeLinkPage({ title, token, askAgainHref, children }: Props) {
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">{title}</h1>
      {token ? (
        <div className="mt-6">{children(token)}</div>
      ) : (
        <p className="mt-2 text-stone-700">
          This page needs the link from your email.{" "}
          <Link href={askAgainHref} className="font-semibold text-brand-700 underline">
            Ask for a new link
          </Link>
          .
        </p>
      )}
    </>
  );
}
