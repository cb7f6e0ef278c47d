import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

/**
 * The Prometheus endpoint: hidden without METRICS_TOKEN, 401 without the bearer token, and with it the
 * request-duration histogram and the DB-derived series computed from real rows.
 */

const TOKEN = "test-metrics-token-0123456789";

async function loadRoute(token: string | undefined) {
  vi.resetModules();
  vi.stubEnv("METRICS_TOKEN", token ?? "");
  if (token === undefined) delete process.env.METRICS_TOKEN;
  return (await import("@/app/api/metrics/route")).GET;
}

function scrape(GET: Awaited<ReturnType<typeof loadRoute>>, authorization?: string) {
  const headers = authorization ? { authorization } : undefined;
  return GET(new Request("http://localhost/api/metrics", { headers }), undefined);
}

afterEach(() => vi.unstubAllEnvs());

beforeAll(async () => {
  const customer = await db.user.create({ data: { name: "Metrics Customer", email: "metrics-customer@test.test" } });
  const stylist = await db.user.create({ data: { name: "Metrics Stylist", email: "metrics-stylist@test.test", role: "STYLIST" } });
  const service = await db.service.create({
    data: { slug: "metrics-cut", name: "Cut", category: "Hair", durationMinutes: 60, priceCents: 5000, currency: "GBP" },
  });
  const startsAt = new Date("2030-03-04T10:00:00Z");
  const endsAt = new Date("2030-03-04T11:00:00Z");
  const appointment = await db.appointment.create({
    data: {
      customerId: customer.id,
      staffId: stylist.id,
      serviceId: service.id,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      source: "WEB",
      durationMinutes: 60,
      priceCents: 5000,
      currency: "GBP",
    },
  });
  await db.appointmentEvent.createMany({
    data: [
      { appointmentId: appointment.id, actorKind: "CUSTOMER", actorId: customer.id, action: "booked" },
      { appointmentId: appointment.id, actorKind: "CUSTOMER", actorId: customer.id, action: "rescheduled" },
    ],
  });
  await db.outboxEvent.create({
    data: {
      type: "appointment/booked",
      appointmentId: appointment.id,
      payload: {},
      createdAt: new Date(Date.now() - 90_000),
    },
  });
  const email = { kind: "confirmation", subject: "Booked", html: "<p>Booked</p>", text: "Booked", transport: "mailbox" };
  await db.emailMessage.createMany({
    data: [
      { ...email, to: "metrics-customer@test.test", status: "SENT" },
      { ...email, to: "metrics-customer@test.test", status: "SENT" },
      { ...email, to: "metrics-customer@test.test", status: "FAILED" },
    ],
  });
});

/** The value of one sample line, e.g. `pamper_emails_total{status="sent"} 2`. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  expect(line, `series ${series} should be present`).toBeDefined();
  return Number(line!.slice(series.length + 1));
}

describe("GET /api/metrics", () => {
  it("does not exist (404) when METRICS_TOKEN is unset", async () => {
    const GET = await loadRoute(undefined);
    expect((await scrape(GET, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("answers 401 without the bearer token or with a wrong one", async () => {
    const GET = await loadRoute(TOKEN);
    const missing = await scrape(GET);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await scrape(GET, "Bearer not-the-token-at-all")).status).toBe(401);
  });

  it("serves the Prometheus text format with request durations and the DB-derived series", async () => {
    const GET = await loadRoute(TOKEN);
    // One scrape first, so the histogram has observed a request for the second one to report.
    await scrape(GET, `Bearer ${TOKEN}`);
    const response = await scrape(GET, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/metrics",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pamper_appointment_events_total{action="booked"}')).toBe(1);
    expect(sample(text, 'pamper_appointment_events_total{action="rescheduled"}')).toBe(1);
    expect(sample(text, 'pamper_appointment_events_total{action="cancelled"}')).toBe(0);
    expect(sample(text, "pamper_outbox_unpublished")).toBe(1);
    expect(sample(text, "pamper_outbox_lag_seconds")).toBeGreaterThanOrEqual(89);
    expect(sample(text, 'pamper_emails_total{status="sent"}')).toBe(2);
    expect(sample(text, 'pamper_emails_total{status="failed"}')).toBe(1);
    expect(sample(text, "pamper_ready")).toBe(1);
    expect(text).toContain("process_cpu_seconds_total");
  });
});
