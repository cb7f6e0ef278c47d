import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/schema";
import { currentUser } from "@/lib/auth/session";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function RegisterPage({ searchParams }: Props) {
  const destination = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentUser()) redirect(destination);
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Create an account</h1>
      <p className="mt-2 mb-6 text-stone-700">Book and manage your appointments in one place.</p>
      <RegisterForm callbackUrl={destination} />
      <p className="mt-6 border-t border-stone-200 pt-4 text-sm text-stone-700">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(destination)}`} className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
