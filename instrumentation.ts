import type { Instrumentation } from "next";

/**
 * Runs once when a server instance starts (Next.js instrumentation hook): refuse to start with a broken
 * environment, then start OpenTelemetry tracing when an OTLP collector is configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; the build machine need not hold production secrets.
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { validateEnvironmentOrExit } = await import("./lib/observability/startup");
  const env = validateEnvironmentOrExit();

  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    // The OTLP exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _HEADERS, _PROTOCOL) from the environment.
    registerOTel({ serviceName: env.OTEL_SERVICE_NAME });
  }
}

/** Uncaught errors anywhere in a request: logged with the request id and counted per route. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recordRequestError } = await import("./lib/observability/request-errors");
  recordRequestError(error, request, context);
};
