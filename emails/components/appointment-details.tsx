import { Button, Section, Text } from "@react-email/components";
import type { AppointmentEmailProps } from "./appointment-email-props";
import { styles } from "./styles";

type Props = Pick<
  AppointmentEmailProps,
  "serviceName" | "stylistName" | "price" | "startsAt" | "endsAt" | "timeZone" | "salonName" | "salonAddress" | "segments"
> & { manageUrl?: string; manageLabel?: string };

/** The appointment at a glance; the rows read well in the plain-text version too ("Label: value"). */
export function AppointmentDetails(props: Props) {
  const segments = props.segments ?? [];
  // A visit lists each service with its time and stylist; the stylist row then belongs to each segment.
  const rows: Array<[string, string]> = [
    ["Service", props.serviceName],
    ...(segments.length > 0
      ? segments.map((segment, i): [string, string] => [
          `${i + 1} of ${segments.length}`,
          `${segment.serviceName} with ${segment.stylistName}, ${segment.time}`,
        ])
      : [["Stylist", props.stylistName] as [string, string]]),
    ["When", `${props.startsAt} – ${props.endsAt}`],
    ["Timezone", props.timeZone],
    ["Price", props.price],
    ["Where", `${props.salonName}, ${props.salonAddress}`],
  ];
  return (
    <Section>
      {rows.map(([label, value]) => (
        <Text key={label} style={styles.text}>
          <span style={styles.label}>{label}: </span>
          <span style={styles.value}>{value}</span>
        </Text>
      ))}
      {props.manageUrl ? (
        <Section style={{ margin: "20px 0" }}>
          <Button href={props.manageUrl} style={styles.button}>
            {props.manageLabel ?? "Manage your booking"}
          </Button>
          <Text style={styles.footer}>Or open {props.manageUrl}</Text>
        </Section>
      ) : null}
    </Section>
  );
}
