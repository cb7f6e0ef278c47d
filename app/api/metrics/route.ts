import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { authorizeScrape } from "@/lib/observability/metrics-auth";
import { withMetrics } from "@/lib/observability/with-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint; see docs/OPERATIONS.md for the series and the token. */
export const GET = withMetrics("/api/metrics", async (request) => {
  const authorization = authorizeScrape(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (authorization === "disabled") return new Response("Not Found", { status: 404 });
  if (authorization === "unauthorized") {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
});
