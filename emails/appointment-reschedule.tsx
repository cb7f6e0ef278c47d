import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type AppointmentRescheduleProps = AppointmentEmailProps & { previousStartsAt: string };

/** Sent to the customer when the time, stylist or service of an appointment changes. */
export default function AppointmentReschedule(props: AppointmentRescheduleProps) {
  return (
    <AppointmentEmailLayout
      {...props}
      kind="moved"
      greeting={`your appointment previously on ${props.previousStartsAt} now looks like this:`}
    >
      <Text style={styles.text}>The attached calendar file updates the event already in your calendar.</Text>
    </AppointmentEmailLayout>
  );
}

AppointmentReschedule.PreviewProps = {
  ...previewAppointment,
  previousStartsAt: "Friday, 4 January 2030, 15:30",
} satisfies AppointmentRescheduleProps;
