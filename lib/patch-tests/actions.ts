"use server";

import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { getSalonSettings } from "@/lib/salon/data";
import { fromWallClock } from "@/lib/time/zoned";
import { recordPatchTest } from "./mutations";
import { ZRecordPatchTestForm } from "./schema";

export const recordPatchTestAction = defineAction({
  permission: "patchTest.record",
  schema: ZRecordPatchTestForm,
  async run({ user, actor, input: { customerId, date, time, product, result } }) {
    const { timezone } = await getSalonSettings();
    const [hours, minutes] = time.split(":").map(Number);
    const testedAt = fromWallClock(date, hours! * 60 + minutes!, timezone);
    if (testedAt === undefined) {
      throw new AppError("VALIDATION", "That time does not exist on that day (the clocks change).", [
        { path: "time", message: "Choose another time." },
      ]);
    }
    await recordPatchTest(actor, { customerId, testedAt: new Date(testedAt), product, result }, user.id);
    return { redirect: `/dashboard/customers/${customerId}?notice=patch-test-recorded` };
  },
});
