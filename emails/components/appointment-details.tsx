import { Button, Section, Text } from "@react-email/components";
import type { AppointmentEmailProps } from "./appointment-email-props";
import { styles } from "./styles";

type Props = Pick<
  AppointmentEmailProps,
  "serviceName" | "stylistName" | "price" | "startsAt" | "endsAt" | "timeZone" | "salonName" | "salonAddress"
> & { manageUrl?: string; manageLabel?: string };

/** The appointment at a glance; the rows read well in the plain-text version too ("Label: value"). */
export function AppointmentDetails(props: Props) {
  const rows: Array<[string, string]> = [
    ["Service", props.serviceName],
    ["Stylist", props.stylistName],
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
