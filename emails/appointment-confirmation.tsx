import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

/** Sent to the customer when an appointment is booked. */
export default function AppointmentConfirmation(props: AppointmentEmailProps) {
  return (
    <AppointmentEmailLayout
      appointment={props}
      preview={`Booked: ${props.serviceName} on ${props.startsAt}`}
      heading="Your appointment is booked"
      greeting={
        <>
          Hi {props.customerName}, thank you for booking with {props.salonName}.
        </>
      }
    >
      {props.customerNote ? <Text style={styles.text}>Your note: {props.customerNote}</Text> : null}
      <Text style={styles.text}>The attached calendar file adds the appointment to your calendar.</Text>
    </AppointmentEmailLayout>
  );
}

AppointmentConfirmation.PreviewProps = previewAppointment;
