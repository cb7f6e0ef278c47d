"use server";

import { revalidatePath } from "next/cache";
import { errorState, formValues, type ActionState } from "@/lib/action-state";
import { AppError } from "@/lib/errors";
import { reviveDeadOutboxEvent } from "@/lib/notifications/mutations";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { userForAction } from "@/lib/auth/gates";

/** An admin sends a dead-lettered notification event again, with a fresh set of attempts. */
export async function retryDeadLetterAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await userForAction("outbox.manage");
    if (!values.outboxEventId || !(await reviveDeadOutboxEvent(values.outboxEventId))) {
      throw new AppError("NOT_FOUND", "That event is no longer dead-lettered (already retried or published).");
    }
  } catch (error) {
    return errorState(error, values);
  }
  await publishOutboxAfterResponse();
  revalidatePath("/dashboard/notifications");
  return { status: "success", message: "Queued again: it is published with the next pass.", values };
}
