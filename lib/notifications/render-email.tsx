import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import AppointmentCancellation, { type AppointmentCancellationProps } from "@/emails/appointment-cancellation";
import AppointmentConfirmation from "@/emails/appointment-confirmation";
import AppointmentReminder from "@/emails/appointment-reminder";
import AppointmentReschedule, { type AppointmentRescheduleProps } from "@/emails/appointment-reschedule";
import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import StylistNotice, { type StylistNoticeProps } from "@/emails/stylist-notice";

/** Which template a kind of email uses, with the props that template needs. */
export type EmailTemplateInput =
  | { kind: "confirmation" | "reminder"; props: AppointmentEmailProps }
  | { kind: "reschedule"; props: AppointmentRescheduleProps }
  | { kind: "cancellation"; props: AppointmentCancellationProps }
  | { kind: "stylist-booked" | "stylist-cancelled"; props: StylistNoticeProps };

export type RenderedEmail = { subject: string; html: string; text: string };

function templateFor(input: EmailTemplateInput): { subject: string; element: ReactElement } {
  const { serviceName, startsAt, salonName, customerName } = input.props;
  switch (input.kind) {
    case "confirmation":
      return { subject: `Booked: ${serviceName}, ${startsAt} at ${salonName}`, element: <AppointmentConfirmation {...input.props} /> };
    case "reminder":
      return { subject: `Reminder: ${serviceName}, ${startsAt} at ${salonName}`, element: <AppointmentReminder {...input.props} /> };
    case "reschedule":
      return { subject: `Changed: ${serviceName} is now ${startsAt}`, element: <AppointmentReschedule {...input.props} /> };
    case "cancellation":
      return { subject: `Cancelled: ${serviceName}, ${startsAt}`, element: <AppointmentCancellation {...input.props} /> };
    case "stylist-booked":
      return { subject: `New booking: ${customerName}, ${startsAt}`, element: <StylistNotice {...input.props} /> };
    case "stylist-cancelled":
      return { subject: `Cancelled: ${customerName}, ${startsAt}`, element: <StylistNotice {...input.props} /> };
  }
}

/**
 * Renders the HTML and the plain-text version of one email (React escapes every prop it prints). The
 * text is derived from the HTML — what `render(…, { plainText: true })` does internally — so the React
 * tree renders once, not twice.
 */
export async function renderEmail(input: EmailTemplateInput): Promise<RenderedEmail> {
  const { subject, element } = templateFor(input);
  const html = await render(element);
  const text = toPlainText(html);
  return { subject: subject.replace(/[\r\n]+/g, " "), html, text };
}
