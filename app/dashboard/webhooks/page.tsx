import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requirePermission } from "@/lib/auth/gates";
import { listWebhookEndpoints } from "@/lib/webhooks/data";
import { CreateWebhookForm } from "../_components/webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };

/** Partners' endpoints: add one (its secret is shown once), then open it for its delivery log. */
export default async function WebhooksPage() {
  await requirePermission("webhooks.manage", "/dashboard/webhooks");
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      <PageHeader title="Webhooks" />
      <Section id="add-endpoint" title="Add an endpoint">
        <CreateWebhookForm />
      </Section>
      <Section id="endpoints" title="Endpoints" className="mt-8">
        <DataTable
          rows={endpoints}
          empty="No endpoints yet."
          columns={[
            {
              header: "URL",
              cell: (endpoint) => (
                <Link href={`/dashboard/webhooks/${endpoint.id}`} className="font-medium text-brand-800 underline">
                  {endpoint.url}
                </Link>
              ),
            },
            { header: "Events", cell: (endpoint) => endpoint.events.join(", ") },
            { header: "Description", cell: (endpoint) => endpoint.description ?? "—" },
            {
              header: "Status",
              cell: (endpoint) =>
                endpoint.enabled ? "Enabled" : `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}`,
            },
          ]}
        />
      </Section>
    </>
  );
}
