"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { userForAction } from "@/lib/auth/gates";
import { sendTokenEmail } from "@/lib/auth/send-token-email";
import { actorOf } from "@/lib/auth/session";
import { acceptInvitation, changeRole, inviteMember, setAccountDisabled } from "./mutations";
import { ZAcceptInvitationInput, ZAccountStateInput, ZChangeRoleInput, ZInviteMemberInput } from "./schema";

/** The Team page's doors: each checks `team.manage` here on the server, whoever rendered the form. */
export async function inviteMemberAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = actorOf(await userForAction("team.manage"));
    const parsed = ZInviteMemberInput.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await inviteMember(actor, parsed.data);
    // The same path as every account email: the stored copy never holds the usable link.
    await sendTokenEmail("invitation", { email: parsed.data.email, name: parsed.data.email }, "/accept-invitation");
    revalidatePath("/dashboard/team");
    return { status: "success", message: `Invitation sent to ${parsed.data.email}.` };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function changeRoleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = actorOf(await userForAction("team.manage"));
    const parsed = ZChangeRoleInput.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await changeRole(actor, parsed.data.userId, parsed.data.role);
  } catch (error) {
    return errorState(error, values);
  }
  revalidatePath("/dashboard/team");
  return { status: "success", message: "Role saved.", values };
}

/** Disable or enable any account, staff or customer. */
export async function setAccountStateAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = actorOf(await userForAction("team.manage"));
    const parsed = ZAccountStateInput.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await setAccountDisabled(actor, parsed.data.userId, parsed.data.state === "disabled");
    revalidatePath("/dashboard", "layout");
    return {
      status: "success",
      message: parsed.data.state === "disabled" ? "Account disabled: its sessions have ended and its API keys are revoked." : "Account enabled: they can sign in again.",
    };
  } catch (error) {
    return errorState(error, values);
  }
}

/** Public: the invitation's one-time link is the credential. */
export async function acceptInvitationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = ZAcceptInvitationInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationState(parsed.error, values);
  try {
    await acceptInvitation(parsed.data);
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`/sign-in?notice=invitation-accepted&callbackUrl=${encodeURIComponent("/dashboard")}`);
}
