import { Body, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { styles } from "./styles";

type Props = { preview: string; heading: string; salonName: string; salonAddress: string; children: ReactNode };

/** The frame every email shares: preview line, heading, and the salon's name and address in the footer. */
export function EmailShell({ preview, heading, salonName, salonAddress, children }: Props) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Text style={styles.footer}>
            {salonName}
            <br />
            {salonAddress}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
