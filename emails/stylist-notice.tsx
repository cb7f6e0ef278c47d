import { Text } from "@react-email/components";
import { AppointmentDetails } from "./components/appointment-details";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { EmailShell } from "./components/email-shell";
import { styles } from "./components/styles";

export type StylistNoticeProps = AppointmentEmailProps & { change: "booked" | "cancelled"; reason: string | null };

/** Tells the stylist that an appointment was booked with them or cancelled. */
export default function StylistNotice(props: StylistNoticeProps) {
  const booked = props.change === "booked";
  return (
    <EmailShell
      preview={`${booked ? "New booking" : "Cancelled"}: ${props.customerName}, ${props.startsAt}`}
      heading={booked ? "New appointment" : "Appointment cancelled"}
      salonName={props.salonName}
      salonAddress={props.salonAddress}
    >
      <Text style={styles.text}>
        Hi {props.stylistName}, {props.customerName}&apos;s appointment {booked ? "is booked" : "was cancelled"}:
      </Text>
      <AppointmentDetails {...props} manageLabel="Open the appointment" />
      {props.customerNote ? <Text style={styles.text}>Customer note: {props.customerNote}</Text> : null}
      {!booked && props.reason ? <Text style={styles.text}>Reason: {props.reason}</Text> : null}
    </EmailShell>
  );
}

StylistNotice.PreviewProps = { ...previewAppointment, change: "booked", reason: null } satisfies StylistNoticeProps;
