import { chargeFeeJob } from "./definitions/charge-fee";
import { deliverWebhooksJob } from "./definitions/deliver-webhooks";
import { expirePaymentHoldJob } from "./definitions/expire-payment-hold";
import { issueRefundJob } from "./definitions/issue-refund";
import { notifyStylistJob } from "./definitions/notify-stylist";
import { offerFreedTimeJob } from "./definitions/offer-freed-time";
import { sendCancellationNoticeJob } from "./definitions/send-cancellation-notice";
import { sendConfirmationJob } from "./definitions/send-confirmation";
import { sendFeePaymentLinkJob } from "./definitions/send-fee-payment-link";
import { sendHoldExpiredNoteJob } from "./definitions/send-hold-expired-note";
import { sendRefundNoteJob } from "./definitions/send-refund-note";
import { sendReminderJob, sendVisitReminderJob } from "./definitions/send-reminder";
import { sendRescheduleNoticeJob } from "./definitions/send-reschedule-notice";
import type { AnyNotificationJob } from "./job";

/**
 * Every event-triggered job, once: inngest/ serves each as an Inngest function, and the embedded runner
 * runs the same list in-process when there is no Inngest server.
 */
export const notificationJobs: AnyNotificationJob[] = [
  sendConfirmationJob,
  sendRescheduleNoticeJob,
  sendCancellationNoticeJob,
  notifyStylistJob,
  sendReminderJob,
  sendVisitReminderJob,
  offerFreedTimeJob,
  deliverWebhooksJob,
  expirePaymentHoldJob,
  issueRefundJob,
  chargeFeeJob,
  sendHoldExpiredNoteJob,
  sendFeePaymentLinkJob,
  sendRefundNoteJob,
];
