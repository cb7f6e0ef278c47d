import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";
import type { AppointmentRecords } from "@/lib/dashboard/data";
import { describeChanges } from "@/lib/dashboard/describe-change";
import { actorKindLabels, historyActionLabel } from "@/lib/dashboard/labels";
import { emailKindLabel } from "@/lib/customer-portal/appointment-labels";
import { StaffNoteList } from "./staff-note-list";

type Props = { records: AppointmentRecords; salon: SalonFormat; names: Map<string, string>; noteForm: ReactNode };

/** Staff notes, the change history (who, from where, what) and the emails sent for one appointment. */
export function AppointmentRecordsView({ records, salon, names, noteForm }: Props) {
  const when = (instant: Date) => formatSalonDateTime(instant, salon);
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <Section id="notes" title="Staff notes" className="rounded-lg border border-stone-300 bg-white p-4">
        <StaffNoteList notes={records.notes} salon={salon} empty="No notes yet." className="mb-3" />
        {noteForm}
      </Section>

      <Section id="history" title="History" className="rounded-lg border border-stone-300 bg-white p-4">
        <ol className="flex flex-col gap-2" aria-label="Change history">
          {records.history.map((entry) => (
            <li key={entry.id} className="rounded border border-stone-200 p-2 text-sm">
              <p>
                <span className="font-semibold">{historyActionLabel(entry.action)}</span> by {entry.actor.label}{" "}
                <span className="text-stone-700">({actorKindLabels[entry.actor.kind] ?? entry.actor.kind})</span>
              </p>
              <p className="text-xs text-stone-700">{when(entry.createdAt)}</p>
              {entry.action !== "booked" && (
                <ul className="mt-1 list-disc pl-5 text-xs">
                  {describeChanges(entry.changes, salon, names).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="emails" title="Emails sent" className="rounded-lg border border-stone-300 bg-white p-4 lg:col-span-2">
        {records.emails.length === 0 ? (
          <p className="text-sm text-stone-700">No emails yet (they are sent just after each change).</p>
        ) : (
          <DataTable
            variant="compact"
            rows={records.emails}
            columns={[
              { header: "Kind", cell: (email) => emailKindLabel(email.kind) },
              { header: "To", cell: (email) => email.to },
              {
                header: "Subject",
                cell: (email) => email.subject,
                href: (email) => `/dashboard/emails/${email.id}`,
              },
              { header: "Status", cell: (email) => email.status },
              { header: "When", cell: (email) => when(email.sentAt ?? email.createdAt) },
            ]}
          />
        )}
      </Section>
    </div>
  );
}
