"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import { userForAction } from "@/lib/auth/gates";
import { managesSchedule } from "@/lib/auth/permissions";
import type { UserActor } from "@/lib/auth/actor";
import { actorOf } from "@/lib/auth/session";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { ZSalonSettingsInput } from "@/lib/salon/schema";
import { getSalonSettings } from "@/lib/salon/data";
import { createService, setServiceStaff, updateService } from "@/lib/services/mutations";
import { addTimeOff, createStaffMember, removeTimeOff, setWeeklyHours, updateStaffMember } from "@/lib/staff/mutations";
import { AppError } from "@/lib/errors";
import { ZNewStaffAccount, ZStaffProfileForm, ZTimeOffForm, ZWeeklyHoursForm } from "@/lib/staff/schema";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import { ZServiceForm } from "./schema";

/** Salon administration: each action checks its permission here on the server, whoever rendered the form. */
export async function updateSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = actorOf(await userForAction("settings.manage"));
    const parsed = ZSalonSettingsInput.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await updateSalonSettings(actor, parsed.data);
  } catch (error) {
    return errorState(error, values);
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "Settings saved. Availability uses them from now on.", values };
}

function withLists(formData: FormData, values: Record<string, string>, list: string) {
  return { ...values, [list]: formData.getAll(list).filter((value): value is string => typeof value === "string") };
}

export async function saveServiceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = actorOf(await userForAction("services.manage"));
    const parsed = ZServiceForm.safeParse(withLists(formData, values, "staffIds"));
    if (!parsed.success) return validationState(parsed.error, values);
    const { service, staffIds } = parsed.data;
    const id = values.id ? (await updateService(actor, values.id, service)).id : (await createService(actor, service)).id;
    await setServiceStaff(actor, id, staffIds);
  } catch (error) {
    return errorState(error, values);
  }
  redirect("/dashboard/services?notice=saved");
}

export async function saveStaffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = actorOf(await userForAction("team.manage"));
    const profile = ZStaffProfileForm.safeParse(withLists(formData, values, "serviceIds"));
    if (!profile.success) return validationState(profile.error, values);
    if (values.id) {
      await updateStaffMember(actor, values.id, profile.data);
    } else {
      const account = ZNewStaffAccount.safeParse({ ...values, password: formData.get("password") });
      if (!account.success) return validationState(account.error, values);
      await createStaffMember(actor, account.data, profile.data);
    }
  } catch (error) {
    return errorState(error, values);
  }
  redirect("/dashboard/stylists?notice=saved");
}

/** Hours and time off: an admin's for anyone, a stylist's for themselves (checked per stylist). */
async function scheduleEditor(staffId: string | undefined): Promise<UserActor> {
  const actor = actorOf(await userForAction(["staffSchedule.manageAny", "staffSchedule.manageOwn"]));
  if (!staffId) throw new AppError("VALIDATION", "Which stylist?");
  if (!managesSchedule(actor, staffId)) throw new AppError("FORBIDDEN", "You can only change your own schedule.");
  return actor;
}

/** Where a schedule change returns to: one's own schedule page, or the stylist's admin page. */
function scheduleHref(editorId: string, staffId: string, notice: string): string {
  return editorId === staffId ? `/dashboard/schedule?notice=${notice}` : `/dashboard/stylists/${staffId}?notice=${notice}`;
}

export async function saveWeeklyHoursAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let editorId: string;
  try {
    const actor = await scheduleEditor(values.staffId);
    editorId = actor.userId;
    const parsed = ZWeeklyHoursForm.safeParse(values);
    if (!parsed.success) return validationState(parsed.error, values);
    await setWeeklyHours(actor, parsed.data.staffId, parsed.data.hours);
  } catch (error) {
    return errorState(error, values);
  }
  redirect(scheduleHref(editorId, values.staffId!, "hours"));
}

export async function addTimeOffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let editorId: string;
  try {
    const actor = await scheduleEditor(values.staffId);
    editorId = actor.userId;
    const parsed = ZTimeOffForm.safeParse({ ...values, reason: values.reason || undefined });
    if (!parsed.success) return validationState(parsed.error, values);
    const { timezone } = await getSalonSettings();
    const { staffId, fromDate, toDate, reason } = parsed.data;
    // Whole days in the salon's timezone, the last one included.
    await addTimeOff(actor, staffId, { startsAt: new Date(startOfLocalDay(fromDate, timezone)), endsAt: new Date(startOfLocalDay(addDays(toDate, 1), timezone)), reason });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(scheduleHref(editorId, values.staffId!, "time-off"));
}

export async function removeTimeOffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let editorId: string;
  try {
    const actor = await scheduleEditor(values.staffId);
    editorId = actor.userId;
    if (!values.timeOffId) throw new AppError("VALIDATION", "Which time off?");
    await removeTimeOff(actor, values.staffId!, values.timeOffId);
  } catch (error) {
    return errorState(error, values);
  }
  redirect(scheduleHref(editorId, values.staffId!, "time-off-removed"));
}
