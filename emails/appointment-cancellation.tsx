import { Text } from "@react-email/components";
import { AppointmentDetails } from "./components/appointment-details";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { EmailShell } from "./components/email-shell";
import { styles } from "./components/styles";

export type AppointmentCancellationProps = AppointmentEmailProps & { reason: string | null };

/** Sent to the customer when an appointment is cancelled, by them or by the salon. */
export default function AppointmentCancellation(props: AppointmentCancellationProps) {
  return (
    <EmailShell
      preview={`Cancelled: ${props.serviceName} on ${props.startsAt}`}
      heading="Your appointment is cancelled"
      salonName={props.salonName}
      salonAddress={props.salonAddress}
    >
      <Text style={styles.text}>Hi {props.customerName}, this appointment has been cancelled:</Text>
      <AppointmentDetails {...props} manageLabel="View the appointment" />
      {props.reason ? <Text style={styles.text}>Reason: {props.reason}</Text> : null}
      <Text style={styles.text}>The attached calendar file removes it from your calendar.</Text>
    </EmailShell>
  );
}

AppointmentCancellation.PreviewProps = {
  ...previewAppointment,
  reason: "Stylist unwell",
} satisfies AppointmentCancellationProps;
