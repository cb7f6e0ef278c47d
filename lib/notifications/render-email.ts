import { render, toPlainText } from "@react-email/render";
import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import type { AppointmentEmail } from "./appointment-email";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders the HTML and the plain-text version of one email (React escapes every prop it prints). The
 * text is derived from the HTML — what `render(…, { plainText: true })` does internally — so the React
 * tree renders once, not twice.
 */
export async function renderEmail<P extends AppointmentEmailProps>(email: AppointmentEmail<P>, props: P): Promise<RenderedEmail> {
  const html = await render(email.template(props));
  const text = toPlainText(html);
  return { subject: email.subject(props).replace(/[\r\n]+/g, " "), html, text };
}
