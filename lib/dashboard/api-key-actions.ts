"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { formList } from "@/lib/actions/form-input";
import { listApiKeys } from "@/lib/api-keys/data";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSalonSettings } from "@/lib/salon/data";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import { ZCreateApiKeyForm } from "./schema";

/**
 * API keys from the dashboard: staff manage their own keys, admins anyone's (checked here, on the
 * server). A new key's secret is returned once in the action state and never stored in clear.
 */
export const createApiKeyAction = defineAction({
  permission: "apiKeys.manageOwn",
  schema: ZCreateApiKeyForm,
  input: ({ values, formData }) => ({ ...values, scopes: formList(formData, "scopes") }),
  async run({ user, actor, input: { name, scopes, expiresOn } }) {
    const { timezone } = await getSalonSettings();
    // The key works through the whole of its last day, in the salon's timezone.
    const expiresAt = new Date(startOfLocalDay(addDays(expiresOn, 1), timezone));
    const { key } = await createApiKey(actor, { ownerId: user.id, name, scopes, expiresAt });
    revalidatePath("/dashboard/api-keys");
    // Whoever receives the key (a partner, say) needs to know what it may do, so the scopes go with it.
    const granted = [...new Set(scopes)].sort().join(", ");
    return { status: "success", message: `Copy this key now: it will not be shown again. Scopes: ${granted}.`, values: { secret: key } };
  },
});

export const revokeApiKeyAction = defineAction({
  permission: "apiKeys.manageOwn",
  async run({ user, actor, values }) {
    const keyId = values.keyId ?? "";
    const mine = await listApiKeys({ ownerId: user.id });
    if (!can(user.role, "apiKeys.manageAny") && !mine.some((key) => key.id === keyId))
      throw new AppError("FORBIDDEN", "Only an admin can revoke another person's key.");
    await revokeApiKey(actor, keyId);
    revalidatePath("/dashboard/api-keys");
    return { status: "success", message: "Key revoked." };
  },
});
