import { holdExpiredEmail } from "@/lib/notifications/jobs/definitions/send-hold-expired-note";
import { describe, expect, it } from "vitest";
import { previewAppointment } from "@/emails/components/appointment-email-props";
import { formatEmailDateTime, formatEmailEnd, formatTimeZoneLabel } from "@/lib/notifications/format-email-time";
import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import type { AppointmentEmail } from "@/lib/notifications/appointment-email";
import { stylistBookedEmail, stylistCancelledEmail } from "@/lib/notifications/jobs/definitions/notify-stylist";
import { cancellationEmail } from "@/lib/notifications/jobs/definitions/send-cancellation-notice";
import { confirmationEmail } from "@/lib/notifications/jobs/definitions/send-confirmation";
import { reminderEmail } from "@/lib/notifications/jobs/definitions/send-reminder";
import { rescheduleEmail } from "@/lib/notifications/jobs/definitions/send-reschedule-notice";
import { renderEmail as renderWith } from "@/lib/notifications/render-email";

const props = { ...previewAppointment, customerNote: `<script>alert("x")</script> & <b>bold</b>` };

/** Each kind's email definition with the props its template needs, rendered the way deliveries render it. */
const input = <P extends AppointmentEmailProps>(email: AppointmentEmail<P>, emailProps: P) => ({
  kind: email.kind,
  render: () => renderWith(email, emailProps),
});
const renderEmail = (entry: ReturnType<typeof input>) => entry.render();

const inputs = [
  input(confirmationEmail, { ...props, paymentPolicy: [] }),
  input(reminderEmail, props),
  input(rescheduleEmail, { ...props, previousStartsAt: "Friday, 4 January 2030, 15:30" }),
  input(cancellationEmail, { ...props, reason: "<i>Stylist</i> unwell" }),
  input(stylistBookedEmail, { ...props, change: "booked", reason: null }),
  input(stylistCancelledEmail, { ...props, change: "cancelled", reason: "Customer asked" }),
  input(holdExpiredEmail, props),
];

describe("email templates", () => {
  it.each(inputs.map((input) => [input.kind, input] as const))(
    "%s shows the salon, service, stylist, price, times, zone and link",
    async (_kind, input) => {
      const { subject, html, text } = await renderEmail(input);
      expect(subject.length).toBeGreaterThan(5);
      const expected = [
        "Pamper Salon",
        "12 High Street, London N1 1AA",
        "Grace",
        "£45.00",
        "Monday, 7 January 2030, 10:00",
        "11:00",
        "Europe/London (GMT)",
        props.manageUrl,
      ];
      for (const value of expected) {
        expect(html).toContain(value);
        expect(text).toContain(value);
      }
      expect(html).toContain("Cut &amp; blow-dry");
      expect(text).toContain("Cut & blow-dry");
      // The plain-text version is text, not HTML with the tags left in.
      expect(text).not.toMatch(/<(html|body|table|div|a)\b/i);
    },
  );

  it("escapes customer-written text in the HTML", async () => {
    for (const input of inputs.filter((i) => i.kind === "confirmation" || i.kind.startsWith("stylist"))) {
      const { html, text } = await renderEmail(input);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<b>bold</b>");
      expect(html).toContain("&lt;script&gt;");
      expect(text).toContain(`<script>alert("x")</script> & <b>bold</b>`);
    }
    const { html } = await renderEmail(inputs[3]!);
    expect(html).toContain("&lt;i&gt;Stylist&lt;/i&gt; unwell");
  });

  it("puts the previous time in the reschedule notice and a reason in the cancellation", async () => {
    expect((await renderEmail(inputs[2]!)).text).toContain("Friday, 4 January 2030, 15:30");
    expect((await renderEmail(inputs[3]!)).text).toContain("Reason: <i>Stylist</i> unwell");
  });
});

describe("email time formatting", () => {
  const zone = { timezone: "Europe/London", locale: "en-GB" };
  it("shows local wall-clock time with the zone abbreviation of that date", () => {
    const summer = new Date("2030-07-01T09:00:00Z");
    expect(formatEmailDateTime(summer, zone)).toBe("Monday, 1 July 2030, 10:00");
    expect(formatTimeZoneLabel(summer, zone)).toBe("Europe/London (BST)");
    expect(formatTimeZoneLabel(new Date("2030-01-07T10:00:00Z"), zone)).toBe("Europe/London (GMT)");
  });

  it("gives only the end time on the same local day, the full date otherwise", () => {
    const start = new Date("2030-01-07T22:30:00Z");
    expect(formatEmailEnd(start, new Date("2030-01-07T23:30:00Z"), zone)).toBe("23:30");
    expect(formatEmailEnd(start, new Date("2030-01-08T00:30:00Z"), zone)).toBe("Tuesday, 8 January 2030, 00:30");
  });
});
