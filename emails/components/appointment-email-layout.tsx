import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { AppointmentDetails } from "./appointment-details";
import type { AppointmentEmailProps } from "./appointment-email-props";
import { EmailShell } from "./email-shell";
import { styles } from "./styles";

type Wording = { heading: string; preview: (a: AppointmentEmailProps) => string; manageLabel?: string; toStylist?: true };

/** Each appointment email's heading, inbox preview and link label, side by side so the wording stays consistent. */
const WORDING = {
  booked: { heading: "Your appointment is booked", preview: (a) => `Booked: ${a.serviceName} on ${a.startsAt}` },
  moved: { heading: "Your appointment has changed", preview: (a) => `Moved: ${a.serviceName} is now on ${a.startsAt}` },
  cancelled: {
    heading: "Your appointment is cancelled",
    preview: (a) => `Cancelled: ${a.serviceName} on ${a.startsAt}`,
    manageLabel: "View the appointment",
  },
  reminder: { heading: "See you soon", preview: (a) => `Reminder: ${a.serviceName} on ${a.startsAt}`, manageLabel: "Reschedule or cancel" },
  holdExpired: { heading: "Your hold ran out", preview: (a) => `Your hold on ${a.startsAt} ran out`, manageLabel: "Book again" },
  feePayment: {
    heading: "Please confirm a payment",
    preview: (a) => `Your bank asks you to confirm a payment to ${a.salonName}`,
    manageLabel: "View the appointment",
  },
  refunded: {
    heading: "Your payment was refunded",
    preview: (a) => `Refunded: your payment to ${a.salonName}`,
    manageLabel: "View the appointment",
  },
  stylistBooked: {
    heading: "New appointment",
    preview: (a) => `New booking: ${a.customerName}, ${a.startsAt}`,
    manageLabel: "Open the appointment",
    toStylist: true,
  },
  stylistCancelled: {
    heading: "Appointment cancelled",
    preview: (a) => `Cancelled: ${a.customerName}, ${a.startsAt}`,
    manageLabel: "Open the appointment",
    toStylist: true,
  },
} satisfies Record<string, Wording>;

type Props = AppointmentEmailProps & {
  kind: keyof typeof WORDING;
  /** What follows "Hi {name}, " (the customer's name, or the stylist's in a stylist's email). */
  greeting: string;
  /** What this email says after the appointment at a glance. */
  children?: ReactNode;
};

/** Every appointment email: the shell, a greeting, the appointment at a glance, then its own lines. */
export function AppointmentEmailLayout({ kind, greeting, children, ...appointment }: Props) {
  const wording: Wording = WORDING[kind];
  return (
    <EmailShell
      preview={wording.preview(appointment)}
      heading={wording.heading}
      salonName={appointment.salonName}
      salonAddress={appointment.salonAddress}
    >
      <Text style={styles.text}>{`Hi ${wording.toStylist ? appointment.stylistName : appointment.customerName}, ${greeting}`}</Text>
      <AppointmentDetails {...appointment} manageLabel={wording.manageLabel} />
      {children}
    </EmailShell>
  );
}
