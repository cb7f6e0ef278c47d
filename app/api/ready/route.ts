import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { authorizeScrape } from "@/lib/observability/metrics-auth";
import { checkReadiness } from "@/lib/observability/readiness";
import { withMetrics } from "@/lib/observability/with-metrics";

export const dynamic = "force-dynamic";

// Readiness (may this instance take traffic?), unlike /api/health (is the process alive?): a load balancer
// should stop routing here while the database is away or the schema is behind this build. The public
// answer is the status alone; the details (migrations, mail transport, Inngest mode) describe the
// deployment to an attacker, so they need the metrics token.
export const GET = withMetrics("/api/ready", async (request: Request) => {
  const report = await checkReadiness();
  if (report.status !== "ready") logger.warn({ readiness: report }, "readiness check failed");
  const detailed = authorizeScrape(request.headers.get("authorization"), env().METRICS_TOKEN) === "allowed";
  return Response.json(detailed ? report : { status: report.status }, {
    status: report.status === "ready" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
