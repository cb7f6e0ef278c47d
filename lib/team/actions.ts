"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { sendTokenEmail } from "@/lib/auth/send-token-email";
import { acceptInvitation, changeRole, inviteMember, setAccountDisabled } from "./mutations";
import { ZAcceptInvitationInput, ZAccountStateInput, ZChangeRoleInput, ZInviteMemberInput } from "./schema";

/** The Team page's doors: each checks `team.manage` here on the server, whoever rendered the form. */
export const inviteMemberAction = defineAction({
  permission: "team.manage",
  schema: ZInviteMemberInput,
  async run({ actor, input }) {
    await inviteMember(actor, input);
    // The same path as every account email: the stored copy never holds the usable link.
    await sendTokenEmail("invitation", { email: input.email, name: input.email }, "/accept-invitation");
    revalidatePath("/dashboard/team");
    return { status: "success", message: `Invitation sent to ${input.email}.` };
  },
});

export const changeRoleAction = defineAction({
  permission: "team.manage",
  schema: ZChangeRoleInput,
  async run({ actor, input, values }) {
    await changeRole(actor, input.userId, input.role);
    revalidatePath("/dashboard/team");
    return { status: "success", message: "Role saved.", values };
  },
});

/** Disable or enable any account, staff or customer. */
export const setAccountStateAction = defineAction({
  permission: "team.manage",
  schema: ZAccountStateInput,
  async run({ actor, input }) {
    await setAccountDisabled(actor, input.userId, input.state === "disabled");
    revalidatePath("/dashboard", "layout");
    return {
      status: "success",
      message:
        input.state === "disabled"
          ? "Account disabled: its sessions have ended and its API keys are revoked."
          : "Account enabled: they can sign in again.",
    };
  },
});

/** Public: the invitation's one-time link is the credential. */
export const acceptInvitationAction = defineAction({
  permission: null,
  schema: ZAcceptInvitationInput,
  async run({ input }) {
    await acceptInvitation(input);
    return { redirect: `/sign-in?notice=invitation-accepted&callbackUrl=${encodeURIComponent("/dashboard")}` };
  },
});
