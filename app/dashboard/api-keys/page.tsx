import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { listApiKeys } from "@/lib/api-keys/data";
import { DEFAULT_KEY_LIFETIME_DAYS, MAX_KEY_LIFETIME_DAYS } from "@/lib/api-keys/expiry";
import { requirePermission } from "@/lib/auth/gates";
import { can } from "@/lib/auth/permissions";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { salonToday } from "@/lib/dashboard/clock";
import { getSalonSettings } from "@/lib/salon/data";
import { addDays } from "@/lib/time/zoned";
import { CreateApiKeyForm, RevokeApiKeyForm } from "../_components/api-key-forms";

export const metadata: Metadata = { title: "API keys" };

function expiryChoices(timezone: string) {
  const today = salonToday(timezone);
  return { min: addDays(today, 1), suggested: addDays(today, DEFAULT_KEY_LIFETIME_DAYS), max: addDays(today, MAX_KEY_LIFETIME_DAYS) };
}

/** Staff see and manage their own keys; apiKeys.manageAny (admins) everyone's. */
export default async function ApiKeysPage() {
  const user = await requirePermission("apiKeys.manageOwn", "/dashboard/api-keys");
  const seesAll = can(user.role, "apiKeys.manageAny");
  const [keys, salon] = await Promise.all([listApiKeys(seesAll ? {} : { ownerId: user.id }), getSalonSettings()]);
  const when = (date: Date | null) => (date ? formatSalonDateTime(date, salon) : "—");
  return (
    <>
      <PageHeader title="API keys" />
      <CreateApiKeyForm expiry={expiryChoices(salon.timezone)} />
      <h2 className="mb-2 mt-8 text-lg font-semibold">{seesAll ? "All keys" : "Your keys"}</h2>
      <DataTable
        rows={keys}
        empty="No keys yet."
        columns={[
          { header: "Name", cell: (key) => key.name },
          { header: "Prefix", cell: (key) => key.prefix, className: "font-mono" },
          { header: "Owner", cell: (key) => key.ownerEmail },
          { header: "Scopes", cell: (key) => key.scopes.join(", ") },
          { header: "Last used", cell: (key) => when(key.lastUsedAt) },
          { header: "Expires", cell: (key) => when(key.expiresAt) },
          {
            header: "Status",
            cell: (key) => (key.revokedAt ? `Revoked ${when(key.revokedAt)}` : <RevokeApiKeyForm keyId={key.id} name={key.name} />),
          },
        ]}
      />
    </>
  );
}
