import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";

/** Sent to the customer the salon's reminder lead time before the appointment. */
export default function AppointmentReminder(props: AppointmentEmailProps) {
  return <AppointmentEmailLayout {...props} kind="reminder" greeting="a reminder of your upcoming appointment:" />;
}

AppointmentReminder.PreviewProps = previewAppointment;
