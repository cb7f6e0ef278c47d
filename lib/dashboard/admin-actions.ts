"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { blankAsAbsent, formList } from "@/lib/actions/form-input";
import type { UserActor } from "@/lib/auth/actor";
import { managesSchedule } from "@/lib/auth/permissions";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { ZSalonSettingsInput } from "@/lib/salon/schema";
import { getSalonSettings } from "@/lib/salon/data";
import { createService, setServiceStaff, updateService } from "@/lib/services/mutations";
import { addTimeOff, createStaffMember, removeTimeOff, setWeeklyHours, updateStaffMember } from "@/lib/staff/mutations";
import { AppError } from "@/lib/errors";
import { validationState } from "@/lib/action-state";
import { ZNewStaffAccount, ZStaffProfileForm, ZTimeOffForm, ZWeeklyHoursForm } from "@/lib/staff/schema";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";
import { ZServiceForm } from "./schema";

/** Salon administration: each action checks its permission here on the server, whoever rendered the form. */
export const updateSettingsAction = defineAction({
  permission: "settings.manage",
  schema: ZSalonSettingsInput,
  async run({ actor, input, values }) {
    await updateSalonSettings(actor, input);
    revalidatePath("/", "layout");
    return { status: "success", message: "Settings saved. Availability uses them from now on.", values };
  },
});

export const saveServiceAction = defineAction({
  permission: "services.manage",
  schema: ZServiceForm,
  input: ({ values, formData }) => ({ ...values, staffIds: formList(formData, "staffIds") }),
  async run({ actor, input: { service, staffIds }, values }) {
    const id = values.id ? (await updateService(actor, values.id, service)).id : (await createService(actor, service)).id;
    await setServiceStaff(actor, id, staffIds);
    return { redirect: "/dashboard/services?notice=saved" };
  },
  // The service.updated event, when the save changed what the API shows.
  after: publishOutboxAfterResponse,
});

export const saveStaffAction = defineAction({
  permission: "team.manage",
  schema: ZStaffProfileForm,
  input: ({ values, formData }) => ({ ...values, serviceIds: formList(formData, "serviceIds") }),
  async run({ actor, input: profile, values, formData }) {
    if (values.id) {
      await updateStaffMember(actor, values.id, profile);
    } else {
      const account = ZNewStaffAccount.safeParse({ ...values, password: formData.get("password") });
      if (!account.success) return validationState(account.error, values);
      await createStaffMember(actor, account.data, profile);
    }
    return { redirect: "/dashboard/stylists?notice=saved" };
  },
});

const SCHEDULE_EDITORS = ["staffSchedule.manageAny", "staffSchedule.manageOwn"] as const;

/** Hours and time off: an admin's for anyone, a stylist's for themselves (checked per stylist). */
function assertSchedulesOf({ actor, values }: { actor: UserActor; values: Record<string, string> }): void {
  if (!values.staffId) throw new AppError("VALIDATION", "Which stylist?");
  if (!managesSchedule(actor, values.staffId)) throw new AppError("FORBIDDEN", "You can only change your own schedule.");
}

/** Where a schedule change returns to: one's own schedule page, or the stylist's admin page. */
function scheduleHref(editor: UserActor, staffId: string, notice: string) {
  return {
    redirect: editor.userId === staffId ? `/dashboard/schedule?notice=${notice}` : `/dashboard/stylists/${staffId}?notice=${notice}`,
  };
}

export const saveWeeklyHoursAction = defineAction({
  permission: SCHEDULE_EDITORS,
  authorize: assertSchedulesOf,
  schema: ZWeeklyHoursForm,
  async run({ actor, input }) {
    await setWeeklyHours(actor, input.staffId, input.hours);
    return scheduleHref(actor, input.staffId, "hours");
  },
});

export const addTimeOffAction = defineAction({
  permission: SCHEDULE_EDITORS,
  authorize: assertSchedulesOf,
  schema: ZTimeOffForm,
  input: ({ values }) => blankAsAbsent(values, "reason"),
  async run({ actor, input: { staffId, fromDate, toDate, reason } }) {
    const { timezone } = await getSalonSettings();
    // Whole days in the salon's timezone, the last one included.
    await addTimeOff(actor, staffId, {
      startsAt: new Date(startOfLocalDay(fromDate, timezone)),
      endsAt: new Date(startOfLocalDay(addDays(toDate, 1), timezone)),
      reason,
    });
    return scheduleHref(actor, staffId, "time-off");
  },
});

export const removeTimeOffAction = defineAction({
  permission: SCHEDULE_EDITORS,
  authorize: assertSchedulesOf,
  async run({ actor, values }) {
    if (!values.timeOffId) throw new AppError("VALIDATION", "Which time off?");
    await removeTimeOff(actor, values.staffId!, values.timeOffId);
    return scheduleHref(actor, values.staffId!, "time-off-removed");
  },
});
