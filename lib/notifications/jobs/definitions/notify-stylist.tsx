import StylistNotice, { type StylistNoticeProps } from "@/emails/stylist-notice";
import type { AppointmentEmail } from "../../appointment-email";
import { stylistSegmentsOfVisit } from "../../data";
import { deliverAppointmentEmail } from "../../deliver-email";
import { visitSegmentsOf } from "../../email-props";
import { emailJob, EMAIL_JOB_POLICY } from "../email-job";
import type { NotificationJob } from "../job";

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

/**
 * A stylist's notice about a visit of several services, sent through their first segment in it: it lists
 * their own segments (a colleague's are not theirs to prepare for) within the visit's times.
 */
function visitNotice(email: AppointmentEmail<StylistNoticeProps>, kind: string): AppointmentEmail<StylistNoticeProps> {
  return {
    ...email,
    kind,
    props(base, loaded, context) {
      const props = email.props(base, loaded, context);
      const listed = visitSegmentsOf(loaded);
      if (!listed || !props.segments) return props;
      const theirs = props.segments.filter((_, i) => listed[i]?.staffId === loaded.appointment.staffId);
      return {
        ...props,
        segments: theirs,
        serviceName: listed
          .filter((s) => s.staffId === loaded.appointment.staffId)
          .map((s) => s.service.name)
          .join(" + "),
      };
    },
  };
}

export const stylistVisitBookedEmail = visitNotice(stylistBookedEmail, "stylist-visit-booked");
export const stylistVisitCancelledEmail = visitNotice(stylistCancelledEmail, "stylist-visit-cancelled");

const appointmentNotices = emailJob({
  id: "notify-stylist",
  name: "Notify the stylist",
  events: ["appointment.created", "appointment.cancelled"],
  send: (event) =>
    event.name === "appointment.cancelled"
      ? { email: stylistCancelledEmail, context: { reason: event.data.reason } }
      : { email: stylistBookedEmail },
});

/**
 * Tells the stylist about a booking with them, or its cancellation. A visit of several services sends each
 * stylist in it one notice covering their segments (the segments' own events send none), keyed by the
 * visit's version so a retried run never sends twice.
 */
export const notifyStylistJob: NotificationJob<"appointment.created" | "appointment.cancelled" | "visit.booked" | "visit.cancelled"> = {
  ...appointmentNotices,
  events: [...appointmentNotices.events, "visit.booked", "visit.cancelled"],
  ...EMAIL_JOB_POLICY,
  async handler({ event, step }) {
    if (event.name === "appointment.created" || event.name === "appointment.cancelled") return appointmentNotices.handler({ event, step });
    const cancelled = event.name === "visit.cancelled";
    const email = cancelled ? stylistVisitCancelledEmail : stylistVisitBookedEmail;
    const context = cancelled ? { reason: event.data.reason } : {};
    const segmentIds = await step.run("find-stylists", () =>
      stylistSegmentsOfVisit(event.data.visitId, cancelled ? "CANCELLED" : "BOOKED"),
    );
    const outcomes = [];
    for (const appointmentId of segmentIds) {
      outcomes.push(
        await step.run(`send-${email.kind}-${appointmentId}`, () =>
          deliverAppointmentEmail(email, { appointmentId, version: event.data.version, ...context }),
        ),
      );
    }
    return outcomes;
  },
};
