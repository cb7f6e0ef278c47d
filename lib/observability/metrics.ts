import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { logger } from "@/lib/logger";
import packageJson from "@/package.json" with { type: "json" };
import { countAppointmentEventsByAction, countEmailsByStatus, getOutboxBacklog } from "./data";
import { checkReadiness } from "./readiness";

/**
 * The Prometheus registry. Request durations are measured in this process (scrape every instance);
 * business figures are read from the database when scraped, so every instance reports the same totals:
 * aggregate them with max(), not sum().
 */

const APPOINTMENT_ACTIONS = ["booked", "rescheduled", "cancelled"] as const;
const EMAIL_STATUSES = ["SENT", "FAILED"] as const;

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  requestErrors: Counter<"route" | "route_type">;
};

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Duration of HTTP requests handled by instrumented route handlers.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const requestErrors = new Counter({
    name: "pamper_request_errors_total",
    help: "Uncaught errors in page renders, route handlers, server actions and the proxy (Next's onRequestError).",
    labelNames: ["route", "route_type"] as const,
    registers: [registry],
  });

  new Gauge({
    name: "pamper_build_info",
    help: "Always 1; the labels say which build is running.",
    labelNames: ["version"] as const,
    registers: [registry],
    collect() {
      this.set({ version: packageJson.version }, 1);
    },
  });

  countsFromDatabase(registry, {
    name: "pamper_appointment_events_total",
    help: "Appointment changes recorded in the audit trail, by action.",
    label: "action",
    keys: APPOINTMENT_ACTIONS,
    read: ["appointment events", countAppointmentEventsByAction],
  });

  countsFromDatabase(registry, {
    name: "pamper_emails_total",
    help: "Emails by final delivery status (sent or failed).",
    label: "status",
    keys: EMAIL_STATUSES,
    labelValue: (status) => status.toLowerCase(),
    read: ["email statuses", countEmailsByStatus],
  });

  const outboxUnpublished = new Gauge({
    name: "pamper_outbox_unpublished",
    help: "Outbox events not yet published to Inngest.",
    registers: [registry],
  });

  new Gauge({
    name: "pamper_outbox_lag_seconds",
    help: "Age of the oldest unpublished outbox event (0 when the outbox is empty).",
    registers: [registry],
    async collect() {
      const backlog = await safely("outbox backlog", getOutboxBacklog);
      outboxUnpublished.set(backlog?.unpublished ?? 0);
      const oldest = backlog?.oldestUnpublishedAt;
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
    },
  });

  new Gauge({
    name: "pamper_ready",
    help: "1 when the database is reachable and every migration this build ships is applied, else 0.",
    registers: [registry],
    async collect() {
      const report = await safely("readiness", checkReadiness);
      this.set(report?.status === "ready" ? 1 : 0);
    },
  });

  return { registry, httpDuration, requestErrors };
}

type DatabaseCounts = {
  name: string;
  help: string;
  label: string;
  /** Every value the series has, so one the database has not counted yet reads 0 rather than missing. */
  keys: readonly string[];
  labelValue?: (key: string) => string;
  read: [what: string, count: () => Promise<Record<string, number>>];
};

/** A counter whose value is the database's count per key: Prometheus's rate()/increase() work on it as usual. */
function countsFromDatabase(registry: Registry, { name, help, label, keys, labelValue = (key) => key, read }: DatabaseCounts): void {
  new Counter({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    async collect() {
      const counts = await safely(...read);
      this.reset();
      for (const key of keys) this.inc({ [label]: labelValue(key) }, counts?.[key] ?? 0);
    },
  });
}

// A failing query must not turn the whole scrape into an error: the other series still matter, and
// pamper_ready (0) already says the database is in trouble.
async function safely<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    logger.warn({ err: error }, `metrics: could not read ${what}`);
    return undefined;
  }
}

const globalForMetrics = globalThis as unknown as { pamperMetrics?: Metrics };

/** One registry per process, even when Next bundles this module into several route chunks or reloads it. */
export function metrics(): Metrics {
  return (globalForMetrics.pamperMetrics ??= createMetrics());
}
