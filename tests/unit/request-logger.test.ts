import { describe, expect, it } from "vitest";
import { runWithRequestContext } from "@/lib/observability/request-context";
import { getRequestLogger, loggerForEvent, loggerForRequest } from "@/lib/observability/request-logger";
import { withMetrics } from "@/lib/observability/with-metrics";

/** Every way of getting a logger carries the request id of the work it belongs to. */

describe("request-scoped loggers", () => {
  it("take the id from the async request context, across awaits", async () => {
    const bindings = await runWithRequestContext({ requestId: "req-context-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return (await getRequestLogger({ area: "booking" })).bindings();
    });
    expect(bindings).toMatchObject({ requestId: "req-context-1", area: "booking" });
  });

  it("fall back to the base logger outside any request", async () => {
    expect((await getRequestLogger()).bindings()).not.toHaveProperty("requestId");
  });

  it("read the id from a Request's header", () => {
    const request = new Request("http://localhost/x", { headers: { "x-request-id": "req-header-2" } });
    expect(loggerForRequest(request).bindings()).toMatchObject({ requestId: "req-header-2" });
  });

  it("use the causing request's id for an Inngest event, else the event id", () => {
    expect(loggerForEvent({ id: "evt-1", name: "appointment.created", data: { requestId: "req-3" } }).bindings()).toMatchObject({
      requestId: "req-3",
      eventId: "evt-1",
    });
    expect(loggerForEvent({ id: "evt-2", name: "appointment.created", data: {} }).bindings()).toMatchObject({ requestId: "evt-2" });
  });

  it("are set up by withMetrics for everything a route handler calls", async () => {
    const handler = withMetrics("/api/test", async () => Response.json((await getRequestLogger()).bindings()));
    const withId = await handler(new Request("http://localhost/api/test", { headers: { "x-request-id": "req-route-4" } }), undefined);
    expect(await withId.json()).toMatchObject({ requestId: "req-route-4" });

    // Called directly (no proxy in front), the handler still gets an id of its own.
    const withoutId = await handler(new Request("http://localhost/api/test"), undefined);
    expect((await withoutId.json()).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
