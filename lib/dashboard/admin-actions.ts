"use server";

import { revalidatePath } from "next/cache";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { adminForAction } from "@/lib/auth/staff-session";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { ZSalonSettingsInput } from "@/lib/salon/schema";

/** Admin-only actions: the ADMIN role is checked here on the server, whoever rendered the form. */
export async function updateSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await adminForAction();
    const parsed = ZSalonSettingsInput.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await updateSalonSettings(parsed.data);
  } catch (error) {
    return errorState(error, values);
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "Settings saved. Availability uses them from now on.", values };
}
