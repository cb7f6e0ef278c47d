import type { Metadata } from "next";
import { FilterForm } from "@/components/ui/filter-form";
import { DataTable } from "@/components/ui/data-table";
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
      <DataTable
        rows={emails}
        empty="No emails match."
        columns={[
          { header: "When", cell: (email) => formatSalonDateTime(email.sentAt ?? email.createdAt, salon) },
          { header: "Kind", cell: (email) => emailKindLabel(email.kind) },
          { header: "To", cell: (email) => email.to },
          {
            header: "Subject",
            // Account emails: kind, recipient, status and time only; there is no page with their content.
            cell: (email) => email.subject,
            href: (email) => (isAccountEmailKind(email.kind) ? null : `/dashboard/emails/${email.id}`),
          },
          { header: "Status", cell: (email) => (email.error ? `${email.status} — ${email.error}` : email.status) },
          {
            header: "Appointment",
            cell: (email) => (
              <>
                Open<span className="sr-only"> appointment for {email.subject}</span>
              </>
            ),
            href: (email) => (email.appointmentId ? `/dashboard/appointments/${email.appointmentId}` : null),
          },
        ]}
      />
    </>
  );
}
