"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { reviveDeadOutboxEvent } from "@/lib/notifications/mutations";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";

/** An admin sends a dead-lettered notification event again, with a fresh set of attempts. */
export const retryDeadLetterAction = defineAction({
  permission: "outbox.manage",
  async run({ values }) {
    if (!values.outboxEventId || !(await reviveDeadOutboxEvent(values.outboxEventId))) {
      throw new AppError("NOT_FOUND", "That event is no longer dead-lettered (already retried or published).");
    }
    revalidatePath("/dashboard/notifications");
    return { status: "success", message: "Queued again: it is published with the next pass.", values };
  },
  after: publishOutboxAfterResponse,
});
