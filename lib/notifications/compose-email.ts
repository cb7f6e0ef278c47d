import type { AppointmentForEmail } from "./data";
import { appointmentCalendarAttachment, emailAddressOf } from "./email-calendar";
import { isCustomerEmail, type EmailKind } from "./email-kinds";
import { toAppointmentEmailProps } from "./email-props";
import { formatEmailDateTime } from "./format-email-time";
import { renderEmail, type EmailTemplateInput } from "./render-email";
import type { NotificationSettings } from "./settings";
import type { EmailAttachment } from "./transport/mail-transport";

/** What the event told us beyond the appointment's current state. */
export type EmailContext = { previousStartsAt?: string; reason?: string | null };

export type ComposedEmail = { to: string; subject: string; html: string; text: string; attachments: EmailAttachment[] };

function templateInput(kind: EmailKind, loaded: AppointmentForEmail, context: EmailContext, appUrl: string): EmailTemplateInput {
  const props = toAppointmentEmailProps(loaded, appUrl);
  const reason = context.reason ?? loaded.appointment.cancellationReason;
  switch (kind) {
    case "confirmation":
    case "reminder":
      return { kind, props };
    case "reschedule": {
      const previous = context.previousStartsAt ? new Date(context.previousStartsAt) : loaded.appointment.startsAt;
      return { kind, props: { ...props, previousStartsAt: formatEmailDateTime(previous, loaded.salon.timezone) } };
    }
    case "cancellation":
      return { kind, props: { ...props, reason } };
    case "stylist-booked":
      return { kind, props: { ...props, change: "booked", reason: null } };
    case "stylist-cancelled":
      return { kind, props: { ...props, change: "cancelled", reason } };
  }
}

/** Renders one email for an appointment: recipient, subject, html, text and (for customers) the .ics. */
export async function composeAppointmentEmail(
  kind: EmailKind,
  version: number,
  loaded: AppointmentForEmail,
  context: EmailContext,
  settings: NotificationSettings,
): Promise<ComposedEmail> {
  const rendered = await renderEmail(templateInput(kind, loaded, context, settings.appUrl));
  const customer = isCustomerEmail(kind);
  const organizerEmail = loaded.salon.email ?? emailAddressOf(settings.emailFrom);
  return {
    to: customer ? loaded.appointment.customer.email : loaded.appointment.staff.email,
    ...rendered,
    attachments: customer
      ? [appointmentCalendarAttachment(loaded, { kind, version, appUrl: settings.appUrl, organizerEmail })]
      : [],
  };
}
