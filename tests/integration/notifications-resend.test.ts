import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toInngestFunction } from "@/inngest/to-inngest-function";
import { db } from "@/lib/db";
import { sendConfirmationJob } from "@/lib/notifications/jobs/definitions/send-confirmation";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { resetNotificationSettings } from "@/lib/notifications/settings";
import { startHttpStub, type RecordedRequest, type StubReply } from "../support/http-stub";
import { bookWithOutbox, nextStart, seedSalon, type SalonFixture } from "../support/notifications-fixtures";

/**
 * The real Resend SDK, pointed at a local stub with RESEND_BASE_URL: what it sends on success, and how
 * the pipeline behaves when the provider answers 500 or never answers.
 */

type ResendBody = {
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  attachments: Array<{ filename: string; content: string; content_type: string }>;
};

const sendConfirmation = toInngestFunction(sendConfirmationJob);
let salon: SalonFixture;
let resendReply: StubReply = { status: 200, body: { id: "re_msg_1" } };
let messageCounter = 0;
const resend = await startHttpStub((): StubReply => {
  if (resendReply === "hang" || resendReply.status !== 200) return resendReply;
  return { status: 200, body: { id: `re_msg_${++messageCounter}` } };
});
const alerts = await startHttpStub(() => ({ status: 200, body: { ok: true } }));
const fastRetries = { retryDelayMs: () => 10 };

beforeAll(async () => {
  Object.assign(process.env, {
    RESEND_API_KEY: "re_test_key_123",
    RESEND_BASE_URL: resend.url,
    EMAIL_FROM: "Pamper & Co <bookings@pamper.example>",
    // Generous: this machine may be busy, and a slow success must not count as a timeout.
    EMAIL_SEND_TIMEOUT_MS: "5000",
    ALERT_WEBHOOK_URL: `${alerts.url}/alert`,
  });
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_DEV;
  resetNotificationSettings();
  salon = await seedSalon();
});

beforeEach(() => {
  resend.requests.length = 0;
  alerts.requests.length = 0;
});

afterAll(async () => {
  for (const name of ["RESEND_API_KEY", "RESEND_BASE_URL", "EMAIL_FROM", "EMAIL_SEND_TIMEOUT_MS", "ALERT_WEBHOOK_URL"])
    delete process.env[name];
  resetNotificationSettings();
  await resend.close();
  await alerts.close();
});

const requestsFor = (key: string) => resend.requests.filter((request) => request.headers["idempotency-key"] === key);
const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as ResendBody;

describe("Resend transport", () => {
  it("sends recipient, sender, subject, html, text, the .ics and the idempotency key", async () => {
    const startsAt = nextStart();
    const appointment = await bookWithOutbox(salon, { startsAt, note: "Allergic to <latex> & nuts" });
    await publishPendingOutbox(fastRetries);

    const [request] = requestsFor(`${appointment.id}:confirmation:1`);
    expect(request).toBeDefined();
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/emails");
    expect(request!.headers.authorization).toBe("Bearer re_test_key_123");
    const body = bodyOf(request!);
    expect([body.to].flat()).toEqual([expect.stringMatching(/^ada-.*@customer\.test$/)]);
    expect(body.from).toBe("Pamper & Co <bookings@pamper.example>");
    expect(body.subject).toContain("Booked: Cut & blow-dry");
    expect(body.html).toContain("Allergic to &lt;latex&gt; &amp; nuts");
    expect(body.text).toContain("Price: £45.00");

    expect(body.attachments).toHaveLength(1);
    const [attachment] = body.attachments;
    expect(attachment!.filename).toBe("appointment.ics");
    expect(attachment!.content_type).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment!.content, "base64").toString("utf8")));
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe(`appointment-${appointment.id}@localhost`);
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime()).toBe(startsAt.getTime());
    expect((event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().getTime()).toBe(appointment.endsAt.getTime());

    const stored = await db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `${appointment.id}:confirmation:1` } });
    expect(stored).toMatchObject({ status: "SENT", transport: "resend", attempts: 1, error: null });
    expect(stored.providerMessageId).toMatch(/^re_msg_/);
    expect(alerts.requests).toHaveLength(0);
  });

  it.each([
    [
      "answers 500",
      { status: 500, body: { statusCode: 500, name: "internal_server_error", message: "Upstream exploded" } } as StubReply,
      /HTTP 500.*Upstream exploded/,
    ],
    ["never answers", "hang" as StubReply, /Unable to fetch data/],
  ])(
    "when Resend %s: retried, then FAILED with the error, alerted, appointment untouched",
    { timeout: 30_000 },
    async (_label, reply, errorPattern) => {
      resendReply = reply;
      // Only the hang needs a short timeout, or five attempts would take five times the default.
      process.env.EMAIL_SEND_TIMEOUT_MS = reply === "hang" ? "300" : "5000";
      resetNotificationSettings();
      try {
        const appointment = await bookWithOutbox(salon);
        await publishPendingOutbox(fastRetries);

        // retries: 4 → five attempts, each with the same idempotency key.
        const key = `${appointment.id}:confirmation:1`;
        expect(requestsFor(key)).toHaveLength(5);
        const stored = await db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
        expect(stored).toMatchObject({ status: "FAILED", transport: "resend", attempts: 5, sentAt: null });
        expect(stored.error).toMatch(errorPattern);

        const alertTexts = alerts.requests.map((request) => (JSON.parse(request.body) as { text: string }).text);
        expect(alerts.requests.every((request) => request.path === "/alert")).toBe(true);
        expect(alertTexts.some((text) => text.includes('"send-confirmation" failed') && text.includes(appointment.id))).toBe(true);

        const after = await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
        expect(after).toMatchObject({ status: "BOOKED", version: 1, updatedAt: appointment.updatedAt });
      } finally {
        resendReply = { status: 200, body: {} };
        process.env.EMAIL_SEND_TIMEOUT_MS = "5000";
        resetNotificationSettings();
      }
    },
  );

  it("the Inngest function's onFailure posts the same alert to the webhook", async () => {
    const onFailure = sendConfirmation.opts.onFailure;
    expect(onFailure).toBeTypeOf("function");
    // What Inngest passes after the last retry: the error, and the failure event wrapping the original.
    const original = { name: "appointment.created", data: { appointmentId: "appt_dead", version: 3 } };
    await onFailure!({ error: new Error("Resend refused the email (HTTP 500)"), event: { data: { event: original } } } as never);
    const [alert] = alerts.requests.map((request) => JSON.parse(request.body) as { text: string });
    expect(alert?.text).toContain('"send-confirmation" failed for appointment appt_dead (v3)');
    expect(alert?.text).toContain("HTTP 500");
  });
});
