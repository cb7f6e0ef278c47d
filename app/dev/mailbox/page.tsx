import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/ui/filter-form";
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
      <table className="w-full bg-white text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="p-2">
              When (UTC)
            </th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((email) => (
            <tr key={email.id} className="border-t border-stone-200 align-top">
              <td className="p-2">{email.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{email.to}</td>
              <td>
                <Link href={`/dev/mailbox/${email.id}`} className="text-brand-700 underline">
                  {email.subject}
                </Link>
              </td>
              <td>{email.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {emails.length === 0 && <p className="mt-3 text-sm text-stone-700">The mailbox is empty.</p>}
    </main>
  );
}
