import type { Metadata } from "next";
import { OneTimeLinkPage, type OneTimeLinkPageProps } from "../_components/one-time-link-page";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default function ResetPasswordPage({ searchParams }: OneTimeLinkPageProps) {
  return (
    <OneTimeLinkPage title="Choose a new password" searchParams={searchParams} askAgainHref="/forgot-password" form={ResetPasswordForm} />
  );
}
