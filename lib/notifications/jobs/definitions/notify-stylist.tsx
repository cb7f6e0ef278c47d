import StylistNotice, { type StylistNoticeProps } from "@/emails/stylist-notice";
import type { AppointmentEmail } from "../../appointment-email";
import { emailJob } from "../email-job";

export const stylistBookedEmail: AppointmentEmail<StylistNoticeProps> = {
  kind: "stylist-booked",
  to: "stylist",
  props: (base) => ({ ...base, change: "booked", reason: null }),
  subject: ({ customerName, startsAt }) => `New booking: ${customerName}, ${startsAt}`,
  template: (props) => <StylistNotice {...props} />,
};

export const stylistCancelledEmail: AppointmentEmail<StylistNoticeProps> = {
  kind: "stylist-cancelled",
  to: "stylist",
  cancels: true,
  props: (base, { appointment }, { reason }) => ({ ...base, change: "cancelled", reason: reason ?? appointment.cancellationReason }),
  subject: ({ customerName, startsAt }) => `Cancelled: ${customerName}, ${startsAt}`,
  template: (props) => <StylistNotice {...props} />,
};

/** Tells the stylist about a booking with them, or its cancellation. */
export const notifyStylistJob = emailJob({
  id: "notify-stylist",
  name: "Notify the stylist",
  events: ["appointment.created", "appointment.cancelled"],
  send: (event) =>
    event.name === "appointment.cancelled"
      ? { email: stylistCancelledEmail, context: { reason: event.data.reason } }
      : { email: stylistBookedEmail },
});
