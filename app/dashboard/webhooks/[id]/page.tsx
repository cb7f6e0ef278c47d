import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requirePermission } from "@/lib/auth/gates";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { getWebhookEndpoint, recentDeliveryLog } from "@/lib/webhooks/data";
import { ReplayWebhookForm, SendTestWebhookForm, SetWebhookEnabledForm } from "../../_components/webhook-forms";

export const metadata: Metadata = { title: "Webhook endpoint" };

const LOG_SIZE = 50;
/** Bodies in the log are cut here: enough to recognise an event, not a data dump on screen. */
const SHOWN_BODY_CHARS = 2000;
const truncate = (text: string) => (text.length > SHOWN_BODY_CHARS ? `${text.slice(0, SHOWN_BODY_CHARS)}…` : text);

/** One endpoint: send a test, disable or enable it, and its latest deliveries with every attempt. */
export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("webhooks.manage", `/dashboard/webhooks/${id}`);
  const endpoint = await orNotFoundPage(getWebhookEndpoint(id));
  const [deliveries, salon] = await Promise.all([recentDeliveryLog(id, LOG_SIZE), getSalonSettings()]);
  const when = (date: Date | null) => (date ? formatSalonDateTime(date, salon) : "—");
  return (
    <>
      <PageHeader title={endpoint.url} />
      <p className="mb-2 text-sm text-stone-700">
        {endpoint.enabled ? "Enabled" : `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}`} · Events:{" "}
        {endpoint.events.join(", ")}
      </p>
      <div className="mb-8 flex flex-wrap gap-4">
        <SendTestWebhookForm endpointId={id} />
        <SetWebhookEnabledForm endpointId={id} enabled={endpoint.enabled} />
      </div>
      <Section id="deliveries" title="Delivery log">
        <DataTable
          rows={deliveries}
          empty="Nothing sent yet."
          columns={[
            { header: "Event", cell: (delivery) => delivery.eventType },
            { header: "Created", cell: (delivery) => when(delivery.createdAt) },
            { header: "Status", cell: (delivery) => delivery.status },
            { header: "Attempts", cell: (delivery) => delivery.attempts },
            {
              header: "Last answer",
              cell: (delivery) => delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : "—"),
            },
            { header: "Next attempt", cell: (delivery) => (delivery.status === "PENDING" ? when(delivery.nextAttemptAt) : "—") },
            {
              header: "Request and response",
              cell: (delivery) => (
                <details>
                  <summary className="cursor-pointer text-sm text-brand-800 underline">Show</summary>
                  <pre className="mt-2 max-w-xl overflow-x-auto whitespace-pre-wrap text-xs">
                    {truncate(JSON.stringify(delivery.payload, null, 2))}
                  </pre>
                  {delivery.attemptsLog.map((attempt) => (
                    <div key={attempt.id} className="mt-2 text-xs">
                      <p className="font-medium">
                        Attempt {attempt.number}, {when(attempt.startedAt)}: {attempt.error ?? `HTTP ${attempt.statusCode}`} in{" "}
                        {attempt.durationMs} ms
                      </p>
                      <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap">{JSON.stringify(attempt.requestHeaders, null, 2)}</pre>
                      {attempt.responseBody ? (
                        <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap">{truncate(attempt.responseBody)}</pre>
                      ) : null}
                    </div>
                  ))}
                </details>
              ),
            },
            {
              header: "Replay",
              cell: (delivery) => (
                <ReplayWebhookForm
                  endpointId={id}
                  deliveryId={delivery.id}
                  label={`${delivery.eventType} of ${when(delivery.createdAt)}`}
                />
              ),
            },
          ]}
        />
      </Section>
    </>
  );
}
