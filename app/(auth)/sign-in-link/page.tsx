import type { Metadata } from "next";
import { LinkRequired } from "../_components/link-required";
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
        <LinkRequired newLinkHref="/sign-in" />
      )}
    </>
  );
}
