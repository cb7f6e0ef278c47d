import type { Metadata } from "next";
import { OneTimeLinkPage, type OneTimeLinkPageProps } from "../_components/one-time-link-page";
import { SignInLinkButton } from "./sign-in-link-button";

export const metadata: Metadata = { title: "Sign in with your link" };

export default function SignInLinkPage({ searchParams }: OneTimeLinkPageProps) {
  return <OneTimeLinkPage title="Sign in with your link" searchParams={searchParams} askAgainHref="/sign-in" form={SignInLinkButton} />;
}
