import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

/** A short note when the time held for a customer who opened checkout ran out unpaid. */
export default function PaymentHoldExpired(props: AppointmentEmailProps) {
  return (
    <AppointmentEmailLayout {...props} kind="holdExpired" greeting="we held this time for you, but the deposit was not paid in time:">
      <Text style={styles.text}>
        No deposit was taken. The time is free again; you are welcome to book it, or another one. If a payment you started still goes
        through, we book this time for you if it is still free, or refund it in full and email you.
      </Text>
    </AppointmentEmailLayout>
  );
}

PaymentHoldExpired.PreviewProps = previewAppointment;
