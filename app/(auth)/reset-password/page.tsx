import type { Metadata } from "next";
import { LinkRequired } from "../_components/link-required";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Choose a new password</h1>
      {token ? (
        <div className="mt-6"><ResetPasswordForm token={token} /></div>
      ) : (
        <LinkRequired newLinkHref="/forgot-password" />
      )}
    </>
  );
}
