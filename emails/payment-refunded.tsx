import { Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type PaymentRefundedProps = AppointmentEmailProps & {
  /** e.g. "£15.00" */
  amount: string;
  /** Why the money goes back, in a sentence. */
  reason: string;
};

/**
 * Money the customer paid went back to their card: a payment that arrived after the time it was for had
 * been taken, a deposit refunded by the cancellation policy, or a refund the salon gave by hand.
 */
export default function PaymentRefunded({ amount, reason, ...appointment }: PaymentRefundedProps) {
  return (
    <AppointmentEmailLayout {...appointment} kind="refunded" greeting={`we have refunded ${amount} to your card for this appointment:`}>
      <Text style={styles.text}>{reason}</Text>
      <Text style={styles.footer}>A refund usually reaches your account within 5 to 10 business days, depending on your bank.</Text>
    </AppointmentEmailLayout>
  );
}

PaymentRefunded.PreviewProps = {
  ...previewAppointment,
  amount: "£15.00",
  reason: "Your payment arrived after your hold had run out and the time had been booked by someone else, so nothing is booked.",
} satisfies PaymentRefundedProps;
