import { notifyStylist } from "./notify-stylist";
import { outboxRelay } from "./outbox-relay";
import { sendCancellationNotice } from "./send-cancellation-notice";
import { sendConfirmation } from "./send-confirmation";
import { sendReminder } from "./send-reminder";
import { sendRescheduleNotice } from "./send-reschedule-notice";

/** Every Inngest function of the app, served once at /api/inngest. */
export const functions = [
  sendConfirmation,
  sendRescheduleNotice,
  sendCancellationNotice,
  notifyStylist,
  sendReminder,
  outboxRelay,
];
