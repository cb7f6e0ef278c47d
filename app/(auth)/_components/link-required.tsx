import Link from "next/link";

/** What a page behind a one-time email link shows when opened without the link's token. */
export function LinkRequired({ newLinkHref }: { newLinkHref: string }) {
  return (
    <p className="mt-2 text-stone-700">
      This page needs the link from your email. <Link href={newLinkHref} className="font-semibold text-brand-700 underline">Ask for a new link</Link>.
    </p>
  );
}
