import Link from "next/link";
import type { ComponentType } from "react";

/** What Next hands a page opened from an emailed one-time link. */
export type OneTimeLinkPageProps = { searchParams: Promise<{ token?: string }> };

type Props = OneTimeLinkPageProps & { title: string; askAgainHref: string; form: ComponentType<{ token: string }> };

/** A page opened from an emailed one-time link: its form, or (opened without the link) where to ask for one. */
export async function OneTimeLinkPage({ title, searchParams, askAgainHref, form: Form }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">{title}</h1>
      {token ? (
        <div className="mt-6">
          <Form token={token} />
        </div>
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
