import type { Metadata } from "next";
import Link from "next/link";
import { SignInLinkButton } from "./sign-in-link-button";

export const metadata: Metadata = { title: "Sign in with your link" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function SignInLinkPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Sign in with your link</h1>
      {token ? (
        <div className="mt-6"><SignInLinkButton token={token} /></div>
      ) : (
        <p className="mt-2 text-stone-700">
          This page needs the link from your email. <Link href="/sign-in" className="font-semibold text-brand-700 underline">Ask for a new link</Link>.
        </p>
      )}
    </>
  );
}
