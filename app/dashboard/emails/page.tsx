import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { isAccountEmailKind } from "@/lib/auth/emails";
import { requirePermission } from "@/lib/auth/gates";
import { can } from "@/lib/auth/permissions";
import { emailKindLabel } from "@/lib/customer-portal/appointment-labels";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { listEmailLog } from "@/lib/dashboard/data";
import { getSalonSettings } from "@/lib/salon/data";

export const metadata: Metadata = { title: "Email log" };

export default async function EmailLogPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const user = await requirePermission("emailLog.view", "/dashboard/emails");
  const { to } = await searchParams;
  const [emails, salon] = await Promise.all([
    listEmailLog({ to: to?.trim() || undefined, limit: 200, includeAccountEmails: can(user.role, "emailLog.viewAccountEmails") }),
    getSalonSettings(),
  ]);
  return (
    <>
      <PageHeader title="Email log" />
      <FilterForm action="/dashboard/emails" name="to" label="Recipient contains" defaultValue={to} />
      <table className="w-full bg-white text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="p-2">
              When
            </th>
            <th scope="col">Kind</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Appointment</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((email) => (
            <tr key={email.id} className="border-t border-stone-200 align-top">
              <td className="p-2">{formatSalonDateTime(email.sentAt ?? email.createdAt, salon.timezone)}</td>
              <td>{emailKindLabel(email.kind)}</td>
              <td>{email.to}</td>
              <td>
                {/* Account emails: kind, recipient, status and time only; there is no page with their content. */}
                {isAccountEmailKind(email.kind) ? (
                  "—"
                ) : (
                  <Link href={`/dashboard/emails/${email.id}`} className="text-brand-700 underline">
                    {email.subject}
                  </Link>
                )}
              </td>
              <td>
                {email.status}
                {email.error ? ` — ${email.error}` : ""}
              </td>
              <td>
                {email.appointmentId ? (
                  <Link href={`/dashboard/appointments/${email.appointmentId}`} className="text-brand-700 underline">
                    Open<span className="sr-only"> appointment for {email.subject}</span>
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {emails.length === 0 && <p className="mt-3 text-sm text-stone-700">No emails match.</p>}
    </>
  );
}
