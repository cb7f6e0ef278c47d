import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type AppointmentCancellationProps = AppointmentEmailProps & { reason: string | null };

/** Sent to the customer when an appointment is cancelled, by them or by the salon. */
export default function AppointmentCancellation(props: AppointmentCancellationProps) {
  return (
    <AppointmentEmailLayout
      appointment={props}
      preview={`Cancelled: ${props.serviceName} on ${props.startsAt}`}
      heading="Your appointment is cancelled"
      greeting={<>Hi {props.customerName}, this appointment has been cancelled:</>}
      manageLabel="View the appointment"
    >
      {props.reason ? <Text style={styles.text}>Reason: {props.reason}</Text> : null}
      <Text style={styles.text}>The attached calendar file removes it from your calendar.</Text>
    </AppointmentEmailLayout>
  );
}

AppointmentCancellation.PreviewProps = {
  ...previewAppointment,
  reason: "Stylist unwell",
} satisfies AppointmentCancellationProps;
