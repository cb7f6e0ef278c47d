import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type StylistNoticeProps = AppointmentEmailProps & { change: "booked" | "cancelled"; reason: string | null };

/** Tells the stylist that an appointment was booked with them or cancelled. */
export default function StylistNotice(props: StylistNoticeProps) {
  const booked = props.change === "booked";
  return (
    <AppointmentEmailLayout
      {...props}
      kind={booked ? "stylistBooked" : "stylistCancelled"}
      greeting={`${props.customerName}'s appointment ${booked ? "is booked" : "was cancelled"}:`}
    >
      {props.customerNote ? <Text style={styles.text}>Customer note: {props.customerNote}</Text> : null}
      {!booked && props.reason ? <Text style={styles.text}>Reason: {props.reason}</Text> : null}
    </AppointmentEmailLayout>
  );
}

StylistNotice.PreviewProps = { ...previewAppointment, change: "booked", reason: null } satisfies StylistNoticeProps;
