import { Text } from "@react-email/components";
import { AppointmentDetails } from "./components/appointment-details";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { EmailShell } from "./components/email-shell";
import { styles } from "./components/styles";

/** Sent to the customer the salon's reminder lead time before the appointment. */
export default function AppointmentReminder(props: AppointmentEmailProps) {
  return (
    <EmailShell
      preview={`Reminder: ${props.serviceName} on ${props.startsAt}`}
      heading="See you soon"
      salonName={props.salonName}
      salonAddress={props.salonAddress}
    >
      <Text style={styles.text}>Hi {props.customerName}, a reminder of your upcoming appointment:</Text>
      <AppointmentDetails {...props} manageLabel="Reschedule or cancel" />
    </EmailShell>
  );
}

AppointmentReminder.PreviewProps = previewAppointment;
