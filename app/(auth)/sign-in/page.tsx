import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FormMessage } from "@/components/ui/form-message";
import { requestSignInLinkAction } from "@/lib/auth/actions";
import { safeCallbackUrl } from "@/lib/auth/schema";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";
import { EmailLinkForm } from "../_components/email-link-form";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  "password-reset": "Your password has been changed. Sign in with the new one.",
  "signed-out-everywhere": "You have been signed out on every device.",
  "invitation-accepted": "Welcome to the team! Sign in with your email and the password you just chose.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; notice?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, notice } = await searchParams;
  const destination = safeCallbackUrl(callbackUrl);
  if (await currentUser()) redirect(destination);
  const fromBooking = destination.startsWith("/book");
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Sign in</h1>
      <p className="mt-2 mb-6 text-stone-700">
        {fromBooking ? "Sign in to confirm your booking — your selection is kept." : "Welcome back to Pamper Book."}
      </p>
      {notice && notices[notice] && (
        <div className="mb-4">
          <FormMessage tone="success" message={notices[notice]} />
        </div>
      )}
      <SignInForm callbackUrl={destination} />
      <section aria-labelledby="link-heading" className="mt-6 border-t border-stone-200 pt-4">
        <h2 id="link-heading" className="mb-3 font-semibold text-stone-900">
          Or sign in with a one-time link
        </h2>
        <EmailLinkForm
          action={requestSignInLinkAction}
          field={{ label: "Email for the link", id: "link-email" }}
          submit={{ label: "Email me a sign-in link", variant: "secondary" }}
        />
      </section>
      <p className="mt-6 border-t border-stone-200 pt-4 text-sm text-stone-700">
        New here?{" "}
        <Link href={`/register?callbackUrl=${encodeURIComponent(destination)}`} className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
