import { Link, Text } from "@react-email/components";
import { EmailShell } from "./components/email-shell";
import { styles } from "./components/styles";

export type WebhookDisabledProps = { url: string; reason: string; dashboardUrl: string; salonName: string; salonAddress: string };

/** Tells the admins that a partner's endpoint kept failing and no longer receives events. */
export default function WebhookDisabled(props: WebhookDisabledProps) {
  return (
    <EmailShell
      preview={`Webhook endpoint disabled: ${props.url}`}
      heading="A webhook endpoint was disabled"
      salonName={props.salonName}
      salonAddress={props.salonAddress}
    >
      <Text style={styles.text}>
        Events are no longer sent to <strong>{props.url}</strong>: {props.reason}
      </Text>
      <Text style={styles.text}>
        Once the receiver works again, enable the endpoint and replay what it missed from the{" "}
        <Link href={props.dashboardUrl}>webhooks page</Link>.
      </Text>
    </EmailShell>
  );
}

WebhookDisabled.PreviewProps = {
  url: "https://partner.example/hooks",
  reason: "the last 3 events failed every attempt over 3 days.",
  dashboardUrl: "http://localhost:3000/dashboard/webhooks",
  salonName: "Pamper Salon",
  salonAddress: "1 High Street",
} satisfies WebhookDisabledProps;
