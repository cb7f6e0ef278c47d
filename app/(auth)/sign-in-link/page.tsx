import type { Metadata } from "next";
import { OneTimeLinkPage } from "../_components/one-time-link-page";
import { SignInLinkButton } from "./sign-in-link-button";

export const metadata: Metadata = { title: "Sign in with your link" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function SignInLinkPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <OneTimeLinkPage title="Sign in with your link" token={token} askAgainHref="/sign-in">
      {(linkToken) => <SignInLinkButton token={linkToken} />}
    </OneTimeLinkPage>
  );
}
