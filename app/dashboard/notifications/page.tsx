import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { requirePermission } from "@/lib/auth/gates";
import { countPendingOutbox, listDeadOutboxEvents } from "@/lib/notifications/data";
import { getSalonSettings } from "@/lib/salon/data";
import { RetryDeadLetterForm } from "../_components/retry-dead-letter-form";

export const metadata: Metadata = { title: "Notification delivery" };

/** Admins see what the notification pipeline gave up on, and send it again. */
export default async function NotificationDeliveryPage() {
  await requirePermission("outbox.manage", "/dashboard/notifications");
  const [dead, counts, salon] = await Promise.all([listDeadOutboxEvents(), countPendingOutbox(), getSalonSettings()]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold text-stone-900">Notification delivery</h1>
      <p className="mb-4 text-sm text-stone-700">
        {counts.pending} event{counts.pending === 1 ? "" : "s"} waiting to be published, {counts.retrying} of them after a failed attempt.
      </p>
      <h2 className="mb-2 text-lg font-semibold text-stone-900">Dead-lettered</h2>
      {dead.length === 0 ? (
        <p className="text-sm text-stone-700">Nothing: every event was published or is still being retried.</p>
      ) : (
        <DataTable
          rows={dead}
          columns={[
            { header: "Gave up", cell: (row) => formatSalonDateTime(row.deadAt ?? row.createdAt, salon) },
            { header: "Event", cell: (row) => row.type },
            { header: "Attempts", cell: (row) => row.attempts },
            { header: "Last error", cell: (row) => row.lastError ?? "—", className: "max-w-md break-words" },
            {
              header: "Appointment",
              cell: (row) => (
                <>
                  Open
                  <span className="sr-only">
                    {" "}
                    appointment of {row.type} {row.id}
                  </span>
                </>
              ),
              href: (row) => (row.appointmentId ? `/dashboard/appointments/${row.appointmentId}` : null),
            },
            {
              header: "Action",
              hideHeader: true,
              cell: (row) => <RetryDeadLetterForm outboxEventId={row.id} label={`${row.type} ${row.id}`} />,
            },
          ]}
        />
      )}
    </>
  );
}
