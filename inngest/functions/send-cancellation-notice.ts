import { deliverAppointmentEmail } from "@/lib/notifications/deliver-email";
import type { NotificationJob } from "../job";
import { toInngestFunction } from "../to-inngest-function";

/** Tells the customer the appointment is cancelled; the .ics (METHOD:CANCEL) removes it from their calendar. */
export const sendCancellationNoticeJob: NotificationJob<"appointment.cancelled"> = {
  id: "send-cancellation-notice",
  name: "Send cancellation notice",
  events: ["appointment.cancelled"],
  retries: 4,
  permission: "notifications.send",
  handler({ event, step }) {
    const { appointmentId, version, reason } = event.data;
    return step.run("send-cancellation-email", () =>
      deliverAppointmentEmail({ kind: "cancellation", appointmentId, version, reason }),
    );
  },
};

export const sendCancellationNotice = toInngestFunction(sendCancellationNoticeJob);
