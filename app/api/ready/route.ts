import { logger } from "@/lib/logger";
import { checkReadiness } from "@/lib/observability/readiness";
import { withMetrics } from "@/lib/observability/with-metrics";

export const dynamic = "force-dynamic";

// Readiness (may this instance take traffic?), unlike /api/health (is the process alive?): a load balancer
// should stop routing here while the database is away or the schema is behind this build.
export const GET = withMetrics("/api/ready", async () => {
  const report = await checkReadiness();
  if (report.status !== "ready") logger.warn({ readiness: report }, "readiness check failed");
  return Response.json(report, { status: report.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
