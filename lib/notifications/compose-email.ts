import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import type { AppointmentEmail, EmailContext } from "./appointment-email";
import type { AppointmentForEmail } from "./data";
import { appointmentCalendarAttachment, emailAddressOf } from "./email-calendar";
import { toAppointmentEmailProps } from "./email-props";
import { renderEmail } from "./render-email";
import type { NotificationSettings } from "./settings";
import type { ComposedEmail } from "./transport/mail-transport";

/** Renders one email for an appointment: recipient, subject, html, text and (for customers) the .ics. */
export async function composeAppointmentEmail<P extends AppointmentEmailProps>(
  email: AppointmentEmail<P>,
  version: number,
  loaded: AppointmentForEmail,
  context: EmailContext,
  settings: NotificationSettings,
): Promise<ComposedEmail> {
  const rendered = await renderEmail(email, email.props(toAppointmentEmailProps(loaded, settings.appUrl), loaded, context));
  const customer = email.to === "customer";
  const organizerEmail = loaded.salon.email ?? emailAddressOf(settings.emailFrom);
  return {
    to: customer ? loaded.appointment.customer.email : loaded.appointment.staff.email,
    ...rendered,
    attachments: customer
      ? [appointmentCalendarAttachment(loaded, { cancels: email.cancels === true, version, appUrl: settings.appUrl, organizerEmail })]
      : [],
  };
}
