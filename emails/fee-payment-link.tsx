import { Button, Section, Text } from "@react-email/components";
import { AppointmentEmailLayout } from "./components/appointment-email-layout";
import { previewAppointment, type AppointmentEmailProps } from "./components/appointment-email-props";
import { styles } from "./components/styles";

export type FeePaymentLinkProps = AppointmentEmailProps & {
  /** e.g. "no-show fee" */
  feeName: string;
  /** e.g. "£25.00" */
  amount: string;
  /** The link with its token; null in the copy the email log keeps. */
  link: string | null;
  removedLink: string;
};

/**
 * A fee the salon charged to the saved card that the customer's bank wants them to confirm: the charge
 * cannot finish without them, so they get a link to pay it themselves.
 */
export default function FeePaymentLink({ feeName, amount, link, removedLink, ...appointment }: FeePaymentLinkProps) {
  return (
    <AppointmentEmailLayout
      {...appointment}
      kind="feePayment"
      greeting={`${appointment.salonName} charged the ${feeName} of ${amount} to the card you saved, and your bank asks you to confirm it:`}
    >
      <Section>
        {link ? (
          <Button href={link} style={styles.button}>
            Pay {amount}
          </Button>
        ) : (
          <Text style={styles.text}>
            Pay {amount}: {removedLink}
          </Text>
        )}
      </Section>
      <Text style={styles.footer}>
        The link opens a secure payment page where your bank can check it is you. It stops working once the fee is paid.
      </Text>
    </AppointmentEmailLayout>
  );
}

FeePaymentLink.PreviewProps = {
  ...previewAppointment,
  feeName: "no-show fee",
  amount: "£25.00",
  link: "http://localhost:3000/pay/fee?token=preview",
  removedLink: "[link removed]",
} satisfies FeePaymentLinkProps;
