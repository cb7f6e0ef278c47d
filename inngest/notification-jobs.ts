import type { AnyNotificationJob } from "./job";
import { notifyStylistJob } from "./functions/notify-stylist";
import { sendCancellationNoticeJob } from "./functions/send-cancellation-notice";
import { sendConfirmationJob } from "./functions/send-confirmation";
import { sendReminderJob } from "./functions/send-reminder";
import { sendRescheduleNoticeJob } from "./functions/send-reschedule-notice";

/** Every event-triggered job, for the embedded runner (Inngest gets them through `functions`). */
export const notificationJobs: AnyNotificationJob[] = [
  sendConfirmationJob,
  sendRescheduleNoticeJob,
  sendCancellationNoticeJob,
  notifyStylistJob,
  sendReminderJob,
];
