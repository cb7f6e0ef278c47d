import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Section } from "@/components/ui/section";
import { isDevMailboxEnabled, linksIn } from "@/lib/notifications/dev-mailbox";
import { getRecentEmail } from "@/lib/notifications/data";
import { toMailboxEntry } from "@/lib/notifications/mailbox-entry";

export const metadata: Metadata = { title: "Local mailbox" };

type Props = { params: Promise<{ id: string }> };

export default async function DevMailboxEmailPage({ params }: Props) {
  if (!isDevMailboxEnabled()) notFound();
  const stored = await getRecentEmail((await params).id);
  if (!stored) notFound();
  const email = toMailboxEntry(stored);
  const links = linksIn(email.text);
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
      <Link href="/dev/mailbox" className="text-sm font-semibold text-brand-700 underline">
        ← Local mailbox
      </Link>
      <h1 className="mb-2 mt-2 text-2xl font-bold text-stone-900">{email.subject}</h1>
      <p className="mb-4 text-sm text-stone-700">
        To {email.to} · {email.kind} · {email.status}
      </p>
      {links.length > 0 && (
        <Section id="links" title="Links" className="mb-4">
          <ul className="list-disc pl-6">
            {links.map((link) => (
              <li key={link}>
                <a href={link} className="break-all text-brand-700 underline">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <pre className="whitespace-pre-wrap rounded-lg border border-stone-300 bg-white p-4 text-sm">{email.text}</pre>
      {email.attachments.length > 0 && (
        <p className="mt-2 text-sm text-stone-700">Attachments: {email.attachments.map((file) => file.filename).join(", ")}</p>
      )}
    </main>
  );
}
