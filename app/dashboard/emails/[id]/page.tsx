import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Toast } from "@/components/ui/toast";
import { isAccountEmailKind } from "@/lib/auth/emails";
import { requirePermission } from "@/lib/auth/gates";
import { emailKindLabel } from "@/lib/customer-portal/appointment-labels";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { getEmailMessage } from "@/lib/notifications/data";
import { getSalonSettings } from "@/lib/salon/data";
import { ResendEmailForm } from "../../_components/resend-email-form";

export const metadata: Metadata = { title: "Email" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function EmailPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePermission("emailLog.view", `/dashboard/emails/${id}`);
  const [{ notice }, email, salon] = await Promise.all([searchParams, getEmailMessage(id), getSalonSettings()]);
  // An account email's content is nobody's to read in the dashboard, admins' included.
  if (!email || isAccountEmailKind(email.kind)) notFound();
  return (
    <div className="max-w-4xl">
      <Toast key={notice} message={notice === "resent" ? "Email sent again (this is the new copy)." : undefined} />
      <Link href="/dashboard/emails" className="text-sm font-semibold text-brand-700 underline">
        ← Email log
      </Link>
      <h1 className="mb-2 mt-2 text-2xl font-bold text-stone-900">{email.subject}</h1>
      <dl className="mb-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">To</dt>
        <dd>{email.to}</dd>
        <dt className="font-semibold">Kind</dt>
        <dd>{emailKindLabel(email.kind)}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          {email.status} via {email.transport}
          {email.error ? ` — ${email.error}` : ""} ({email.attempts} attempts)
        </dd>
        <dt className="font-semibold">Created</dt>
        <dd>{formatSalonDateTime(email.createdAt, salon)}</dd>
        {email.appointmentId && (
          <>
            <dt className="font-semibold">Appointment</dt>
            <dd>
              <Link href={`/dashboard/appointments/${email.appointmentId}`} className="text-brand-700 underline">
                Open the appointment
              </Link>
            </dd>
          </>
        )}
      </dl>
      <ResendEmailForm emailId={email.id} />
      {/* Sandboxed with no permissions: stored HTML is shown, never allowed to run script or navigate. */}
      <iframe
        title="Email preview"
        sandbox=""
        srcDoc={email.html}
        className="mt-4 h-[36rem] w-full rounded-lg border border-stone-300 bg-white"
      />
    </div>
  );
}
