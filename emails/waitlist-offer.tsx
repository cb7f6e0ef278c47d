import { Button, Section, Text } from "@react-email/components";
import { EmailShell } from "./components/email-shell";
import { styles } from "./components/styles";

export type WaitlistOfferProps = {
  customerName: string;
  serviceName: string;
  stylistName: string;
  when: string;
  /** A visit of several services: every segment, in order (empty for one service). */
  segments: { serviceName: string; stylistName: string; when: string }[];
  timezone: string;
  salonName: string;
  salonAddress: string;
  /** How long the offer is held for this customer alone; null when it went to everyone waiting. */
  holdUntil: string | null;
  /** The one-time link; null in the copy the email log keeps. */
  link: string | null;
  removedLink: string;
};

/** Tells a waiting customer that a time they asked for has opened, with a one-time link to book it. */
export default function WaitlistOffer(props: WaitlistOfferProps) {
  return (
    <EmailShell
      preview={`A time opened: ${props.serviceName}, ${props.when}`}
      heading="A time you were waiting for is free"
      salonName={props.salonName}
      salonAddress={props.salonAddress}
    >
      <Text style={styles.text}>Hi {props.customerName}, good news from the waitlist:</Text>
      {props.segments.length > 1 ? (
        <Section>
          <Text style={styles.text}>
            A visit of {props.segments.length} services, from {props.when} ({props.timezone}):
          </Text>
          {props.segments.map((segment, i) => (
            <Text key={i} style={styles.text}>
              {i + 1} of {props.segments.length}: {segment.serviceName} with {segment.stylistName}, {segment.when}
            </Text>
          ))}
        </Section>
      ) : (
        <Text style={styles.text}>
          {props.serviceName} with {props.stylistName}, {props.when} ({props.timezone}).
        </Text>
      )}
      <Text style={styles.text}>
        {props.holdUntil
          ? `It is held for you until ${props.holdUntil}; after that it goes to the next person waiting.`
          : "Everyone waiting for this time hears of it now: the first to book it gets it."}
      </Text>
      <Section>
        {props.link ? (
          <Button href={props.link} style={styles.button}>
            See the time and book it
          </Button>
        ) : (
          <Text style={styles.text}>See the time and book it: {props.removedLink}</Text>
        )}
      </Section>
      <Text style={styles.footer}>The link works once. If the time is gone, you keep your place on the waitlist.</Text>
    </EmailShell>
  );
}

WaitlistOffer.PreviewProps = {
  customerName: "Alex",
  serviceName: "Cut & style",
  stylistName: "Maya",
  when: "Monday, 7 January 2030, 10:00",
  segments: [],
  timezone: "Europe/London (GMT)",
  salonName: "Pamper Salon",
  salonAddress: "1 High Street, London",
  holdUntil: null,
  link: "https://example.com/waitlist/offer?token=preview",
  removedLink: "[link removed]",
} satisfies WaitlistOfferProps;
