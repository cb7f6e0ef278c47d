import { isDatabaseReachable } from "@/lib/health/data";
import { logger } from "@/lib/logger";
import { withMetrics } from "@/lib/observability/with-metrics";
import packageJson from "@/package.json" with { type: "json" };

export const dynamic = "force-dynamic";

export const GET = withMetrics("/api/health", async () => {
  const database = await isDatabaseReachable().catch((error: unknown) => {
    logger.warn({ err: error }, "health check: database unreachable");
    return false;
  });
  const body = { status: database ? "ok" : "error", database: database ? "up" : "down", version: packageJson.version };
  return Response.json(body, { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
