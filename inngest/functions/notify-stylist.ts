import { deliverAppointmentEmail } from "@/lib/notifications/deliver-email";
import type { NotificationJob } from "../job";
import { toInngestFunction } from "../to-inngest-function";

/** Tells the stylist about a booking with them, or its cancellation. */
export const notifyStylistJob: NotificationJob<"appointment.created" | "appointment.cancelled"> = {
  id: "notify-stylist",
  name: "Notify the stylist",
  events: ["appointment.created", "appointment.cancelled"],
  retries: 4,
  permission: "notifications.send",
  handler({ event, step }) {
    const { appointmentId, version } = event.data;
    const kind = event.name === "appointment.created" ? "stylist-booked" : "stylist-cancelled";
    const reason = event.name === "appointment.cancelled" ? event.data.reason : null;
    return step.run(`send-${kind}-email`, () => deliverAppointmentEmail({ kind, appointmentId, version, reason }));
  },
};

export const notifyStylist = toInngestFunction(notifyStylistJob);
