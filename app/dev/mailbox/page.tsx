import type { Metadata } from "next";
import { FilterForm } from "@/components/ui/filter-form";
import { DataTable } from "@/components/ui/data-table";
import { notFound } from "next/navigation";
import { isDevMailboxEnabled } from "@/lib/notifications/dev-mailbox";
import { listRecentEmails } from "@/lib/notifications/data";

export const metadata: Metadata = { title: "Local mailbox" };

type Props = { searchParams: Promise<{ to?: string }> };

/** The development inbox: every email the local mailbox delivered, newest first (404 anywhere else). */
export default async function DevMailboxPage({ searchParams }: Props) {
  if (!isDevMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const emails = await listRecentEmails({ to: to?.trim() || undefined, limit: 100 });
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
      <h1 className="mb-2 text-2xl font-bold text-stone-900">Local mailbox</h1>
      <p className="mb-4 text-sm text-stone-700">
        Development only: the emails this machine would have sent, links included. Also <code>npm run -s mailbox -- list</code>.
      </p>
      <FilterForm action="/dev/mailbox" name="to" label="Recipient" defaultValue={to} />
      <DataTable
        rows={emails}
        empty="The mailbox is empty."
        columns={[
          { header: "When (UTC)", cell: (email) => email.createdAt.toISOString().slice(0, 19).replace("T", " ") },
          { header: "To", cell: (email) => email.to },
          {
            header: "Subject",
            cell: (email) => email.subject,
            href: (email) => `/dev/mailbox/${email.id}`,
          },
          { header: "Status", cell: (email) => email.status },
        ]}
      />
    </main>
  );
}
