import type { Metadata } from "next";
import { needsPasswordToVerify } from "@/lib/auth/data";
import { safeCallbackUrl } from "@/lib/auth/schema";
import { currentUser } from "@/lib/auth/session";
import { ResendVerificationForm } from "./resend-form";
import { VerifyEmailForm } from "./verify-email-form";

export const metadata: Metadata = { title: "Confirm your email" };

type Props = { searchParams: Promise<{ token?: string; callbackUrl?: string }> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, callbackUrl } = await searchParams;
  const user = await currentUser();
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Confirm your email</h1>
      {token ? (
        <>
          <p className="mt-2 mb-6 text-stone-700">One click and your email address is confirmed.</p>
          <VerifyEmailForm token={token} askPassword={await needsPasswordToVerify(token)} callbackUrl={safeCallbackUrl(callbackUrl)} />
        </>
      ) : user?.emailConfirmed ? (
        <p className="mt-2 text-stone-700">Your email address {user.email} is confirmed.</p>
      ) : (
        <>
          <p className="mt-2 mb-6 text-stone-700">We emailed you a link to confirm your address. You need a confirmed address to book.</p>
          {user && <ResendVerificationForm />}
        </>
      )}
    </>
  );
}
