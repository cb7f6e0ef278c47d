import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { recordRequestError } from "@/lib/observability/request-errors";

describe("Next's onRequestError hook", () => {
  it("counts uncaught errors per route pattern and route type", async () => {
    const request = { path: "/appointments/abc", method: "GET", headers: { "x-request-id": "req-err-1" } };
    recordRequestError(new Error("boom"), request, { routePath: "/appointments/[id]", routeType: "render" });
    recordRequestError(new Error("boom"), request, { routePath: "/appointments/[id]", routeType: "render" });
    const text = await metrics().registry.getSingleMetricAsString("pamper_request_errors_total");
    expect(text).toContain('pamper_request_errors_total{route="/appointments/[id]",route_type="render"} 2');
  });
});
