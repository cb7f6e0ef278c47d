"use server";

import { revalidatePath } from "next/cache";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { listApiKeys } from "@/lib/api-keys/data";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { userForAction } from "@/lib/auth/gates";
import { can } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getSalonSettings } from "@/lib/salon/data";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import { ZCreateApiKeyForm } from "./schema";

/**
 * API keys from the dashboard: staff manage their own keys, admins anyone's (checked here, on the
 * server). A new key's secret is returned once in the action state and never stored in clear.
 */
export async function createApiKeyAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const user = await userForAction("apiKeys.manageOwn");
    const parsed = ZCreateApiKeyForm.safeParse({ ...values, scopes: formData.getAll("scopes") });
    if (!parsed.success) return validationState(parsed.error, values);
    const { scopes } = parsed.data;
    const { timezone } = await getSalonSettings();
    // The key works through the whole of its last day, in the salon's timezone.
    const expiresAt = new Date(startOfLocalDay(addDays(parsed.data.expiresOn, 1), timezone));
    const { key } = await createApiKey(actorOf(user), { ownerId: user.id, name: parsed.data.name, scopes, expiresAt });
    revalidatePath("/dashboard/api-keys");
    return { status: "success", message: "Copy this key now: it will not be shown again.", values: { secret: key } };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function revokeApiKeyAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const user = await userForAction("apiKeys.manageOwn");
    const keyId = values.keyId ?? "";
    const mine = await listApiKeys({ ownerId: user.id });
    if (!can(user.role, "apiKeys.manageAny") && !mine.some((key) => key.id === keyId)) throw new AppError("FORBIDDEN", "Only an admin can revoke another person's key.");
    await revokeApiKey(actorOf(user), keyId);
  } catch (error) {
    return errorState(error, values);
  }
  revalidatePath("/dashboard/api-keys");
  return { status: "success", message: "Key revoked." };
}
