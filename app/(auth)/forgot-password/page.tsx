import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Forgot your password?</h1>
      <p className="mt-2 mb-6 text-stone-700">Enter your email and we will send you a link to choose a new one.</p>
      <ForgotPasswordForm />
    </>
  );
}
