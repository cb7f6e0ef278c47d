import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
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
  const when = (date: Date | null) => (date ? formatSalonDateTime(date, salon.timezone) : "—");
  return (
    <>
      <PageHeader title="API keys" />
      <CreateApiKeyForm expiry={expiryChoices(salon.timezone)} />
      <h2 className="mb-2 mt-8 text-lg font-semibold">{seesAll ? "All keys" : "Your keys"}</h2>
      <table className="w-full bg-white text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="p-2">
              Name
            </th>
            <th scope="col">Prefix</th>
            <th scope="col">Owner</th>
            <th scope="col">Scopes</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-t border-stone-200 align-top">
              <td className="p-2">{key.name}</td>
              <td className="font-mono">{key.prefix}</td>
              <td>{key.ownerEmail}</td>
              <td>{key.scopes.join(", ")}</td>
              <td>{when(key.lastUsedAt)}</td>
              <td>{when(key.expiresAt)}</td>
              <td>{key.revokedAt ? `Revoked ${when(key.revokedAt)}` : <RevokeApiKeyForm keyId={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length === 0 && <p className="mt-2 text-sm text-stone-700">No keys yet.</p>}
    </>
  );
}
