import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { AppointmentDetails } from "./appointment-details";
import type { AppointmentEmailProps } from "./appointment-email-props";
import { EmailShell } from "./email-shell";
import { styles } from "./styles";

type Props = {
  appointment: AppointmentEmailProps;
  preview: string;
  heading: string;
  greeting: ReactNode;
  manageLabel?: string;
  /** What this email says after the appointment at a glance. */
  children?: ReactNode;
};

/** Every appointment email: the shell, a greeting, the appointment at a glance, then its own lines. */
export function AppointmentEmailLayout({ appointment, preview, heading, greeting, manageLabel, children }: Props) {
  return (
    <EmailShell preview={preview} heading={heading} salonName={appointment.salonName} salonAddress={appointment.salonAddress}>
      <Text style={styles.text}>{greeting}</Text>
      <AppointmentDetails {...appointment} manageLabel={manageLabel} />
      {children}
    </EmailShell>
  );
}
