import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type AppointmentCancellationProps = AppointmentEmailProps & { reason: string | null };

/** Sent to the customer when an appointment is cancelled, by them or by the salon. */
export default function AppointmentCancellation(props: AppointmentCancellationProps) {
  return (
    <AppointmentEmailLayout {...props} kind="cancelled" greeting="this appointment has been cancelled:">
      {props.reason ? <Text style={styles.text}>Reason: {props.reason}</Text> : null}
      <Text style={styles.text}>The attached calendar file removes it from your calendar.</Text>
    </AppointmentEmailLayout>
  );
}

AppointmentCancellation.PreviewProps = {
  ...previewAppointment,
  reason: "Stylist unwell",
} satisfies AppointmentCancellationProps;
