import type { Metadata } from "next";
import { OneTimeLinkPage } from "../_components/one-time-link-page";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <OneTimeLinkPage title="Choose a new password" token={token} askAgainHref="/forgot-password">
      {(linkToken) => <ResetPasswordForm token={linkToken} />}
    </OneTimeLinkPage>
  );
}
