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
      appointment={props}
      preview={`${booked ? "New booking" : "Cancelled"}: ${props.customerName}, ${props.startsAt}`}
      heading={booked ? "New appointment" : "Appointment cancelled"}
      greeting={
        <>
          Hi {props.stylistName}, {props.customerName}&apos;s appointment {booked ? "is booked" : "was cancelled"}:
        </>
      }
      manageLabel="Open the appointment"
    >
      {props.customerNote ? <Text style={styles.text}>Customer note: {props.customerNote}</Text> : null}
      {!booked && props.reason ? <Text style={styles.text}>Reason: {props.reason}</Text> : null}
    </AppointmentEmailLayout>
  );
}

StylistNotice.PreviewProps = { ...previewAppointment, change: "booked", reason: null } satisfies StylistNoticeProps;
