import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type AppointmentConfirmationProps = AppointmentEmailProps & { paymentPolicy: string[] };

/** Sent to the customer when an appointment is booked (after its deposit, when it needed one). */
export default function AppointmentConfirmation(props: AppointmentConfirmationProps) {
  return (
    <AppointmentEmailLayout {...props} kind="booked" greeting={`thank you for booking with ${props.salonName}.`}>
      {props.customerNote ? <Text style={styles.text}>Your note: {props.customerNote}</Text> : null}
      {props.paymentPolicy.length > 0 ? <Text style={styles.text}>Deposit and fees: {props.paymentPolicy.join(" ")}</Text> : null}
      <Text style={styles.text}>The attached calendar file adds the appointment to your calendar.</Text>
    </AppointmentEmailLayout>
  );
}

AppointmentConfirmation.PreviewProps = {
  ...previewAppointment,
  paymentPolicy: ["A deposit of £10.00 is taken now and taken off the price on the day."],
} satisfies AppointmentConfirmationProps;
