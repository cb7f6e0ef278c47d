import { deliverAppointmentEmail } from "@/lib/notifications/deliver-email";
import type { NotificationJob } from "../job";
import { toInngestFunction } from "../to-inngest-function";

/** Tells the customer the new time (or stylist/service); the .ics updates their calendar entry. */
export const sendRescheduleNoticeJob: NotificationJob<"appointment.rescheduled"> = {
  id: "send-reschedule-notice",
  name: "Send reschedule notice",
  events: ["appointment.rescheduled"],
  retries: 4,
  permission: "notifications.send",
  handler({ event, step }) {
    const { appointmentId, version, previous } = event.data;
    return step.run("send-reschedule-email", () =>
      deliverAppointmentEmail({ kind: "reschedule", appointmentId, version, previousStartsAt: previous.startsAt }),
    );
  },
};

export const sendRescheduleNotice = toInngestFunction(sendRescheduleNoticeJob);
