import { deliverAppointmentEmail } from "@/lib/notifications/deliver-email";
import type { NotificationJob } from "../job";
import { toInngestFunction } from "../to-inngest-function";

/** The customer's booking confirmation, with the calendar file. */
export const sendConfirmationJob: NotificationJob<"appointment.created"> = {
  id: "send-confirmation",
  name: "Send booking confirmation",
  events: ["appointment.created"],
  retries: 4,
  permission: "notifications.send",
  handler({ event, step }) {
    const { appointmentId, version } = event.data;
    return step.run("send-confirmation-email", () =>
      deliverAppointmentEmail({ kind: "confirmation", appointmentId, version }),
    );
  },
};

export const sendConfirmation = toInngestFunction(sendConfirmationJob);
