import { Text } from "@react-email/components";
import { AppointmentDetails } from "./components/appointment-details";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { EmailShell } from "./components/email-shell";
import { styles } from "./components/styles";

/** Sent to the customer when an appointment is booked. */
export default function AppointmentConfirmation(props: AppointmentEmailProps) {
  return (
    <EmailShell
      preview={`Booked: ${props.serviceName} on ${props.startsAt}`}
      heading="Your appointment is booked"
      salonName={props.salonName}
      salonAddress={props.salonAddress}
    >
      <Text style={styles.text}>Hi {props.customerName}, thank you for booking with {props.salonName}.</Text>
      <AppointmentDetails {...props} />
      {props.customerNote ? <Text style={styles.text}>Your note: {props.customerNote}</Text> : null}
      <Text style={styles.text}>The attached calendar file adds the appointment to your calendar.</Text>
    </EmailShell>
  );
}

AppointmentConfirmation.PreviewProps = previewAppointment;
