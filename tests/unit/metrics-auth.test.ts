import { describe, expect, it } from "vitest";
import { authorizeScrape } from "@/lib/observability/metrics-auth";

describe("metrics scrape authorization", () => {
  const token = "a-long-random-metrics-token";

  it("hides the endpoint when no token is configured", () => {
    expect(authorizeScrape(`Bearer ${token}`, undefined)).toBe("disabled");
  });

  it("requires the exact bearer token", () => {
    expect(authorizeScrape(null, token)).toBe("unauthorized");
    expect(authorizeScrape("Bearer wrong-token", token)).toBe("unauthorized");
    expect(authorizeScrape(`Basic ${token}`, token)).toBe("unauthorized");
    expect(authorizeScrape(`Bearer ${token}`, token)).toBe("allowed");
    expect(authorizeScrape(`bearer ${token}`, token)).toBe("allowed");
  });
});
