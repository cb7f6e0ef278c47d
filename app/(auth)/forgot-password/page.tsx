import type { Metadata } from "next";
import { forgotPasswordAction } from "@/lib/auth/actions";
import { EmailLinkForm } from "../_components/email-link-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Forgot your password?</h1>
      <p className="mt-2 mb-6 text-stone-700">Enter your email and we will send you a link to choose a new one.</p>
      <EmailLinkForm action={forgotPasswordAction} field={{ label: "Email" }} submit={{ label: "Email me a reset link" }} />
    </>
  );
}
