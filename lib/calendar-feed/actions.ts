"use server";

import { defineAction } from "@/lib/actions/define-action";
import { env } from "@/lib/env";
import { rotateCalendarFeed } from "./mutations";

/** A new private feed link for oneself; the old one stops working at once. */
export const rotateCalendarFeedAction = defineAction({
  permission: "calendarFeed.manageOwn",
  async run({ actor }) {
    const token = await rotateCalendarFeed(actor, actor.userId);
    return {
      status: "success",
      message: `Your calendar link (shown once; copy it into your calendar app): ${env().APP_URL}/calendar/${token}.ics`,
    };
  },
});
