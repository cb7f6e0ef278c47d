import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";

/** Sent to the customer the salon's reminder lead time before the appointment. */
export default function AppointmentReminder(props: AppointmentEmailProps) {
  return (
    <AppointmentEmailLayout
      appointment={props}
      preview={`Reminder: ${props.serviceName} on ${props.startsAt}`}
      heading="See you soon"
      greeting={<>Hi {props.customerName}, a reminder of your upcoming appointment:</>}
      manageLabel="Reschedule or cancel"
    />
  );
}

AppointmentReminder.PreviewProps = previewAppointment;
