import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { ZRegisterInput } from "@/lib/auth/schema";

/** The Team page's forms and the invitation's accept form (isomorphic). */
const ZId = z.string().min(1).max(191);

export const ZStaffRole = z.enum(STAFF_ROLES, "Choose a role.");
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const ZInviteMemberInput = z.object({ email: ZRegisterInput.shape.email, role: ZStaffRole });
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZChangeRoleInput = z.object({ userId: ZId, role: ZStaffRole });

export const ZAccountStateInput = z.object({ userId: ZId, state: z.enum(["disabled", "enabled"]) });

/** The invitee picks their own name and password; the email and role come from the invitation. */
export const ZAcceptInvitationInput = ZRegisterInput.pick({ name: true, password: true }).extend({ token: z.string().min(20).max(200) });
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;
