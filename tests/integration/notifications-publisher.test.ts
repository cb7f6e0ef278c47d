import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { inngest } from "@/lib/notifications/jobs/inngest-client";
import { publishPendingOutbox, publishUntilCaughtUp } from "@/lib/notifications/publisher";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { resetNotificationSettings } from "@/lib/notifications/settings";
import { bookWithOutbox, emailsFor, seedSalon, type SalonFixture } from "../support/notifications-fixtures";

/** Which way the publisher hands events on, and what it records when that fails. */

let salon: SalonFixture;

beforeAll(async () => {
  salon = await seedSalon();
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.INNGEST_DEV;
  resetNotificationSettings();
});

type SentEvent = { id: string; name: string; data: { appointmentId: string; version: number } };

function useInngestMode() {
  process.env.INNGEST_DEV = "1";
  resetNotificationSettings();
}

describe("the outbox publisher", () => {
  it("with Inngest configured, sends each row as an event whose id is the outbox id, then marks it", async () => {
    useInngestMode();
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
    const appointment = await bookWithOutbox(salon);
    const row = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id } });

    expect(await publishPendingOutbox()).toMatchObject({ mode: "inngest", published: 1, failed: 0 });
    const events = send.mock.calls.flatMap(([payload]) => payload as unknown as SentEvent[]);
    expect(events).toEqual([{ id: row.id, name: "appointment.created", data: { appointmentId: appointment.id, version: 1 } }]);
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ attempts: 1, lastError: null });
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: row.id } })).publishedAt).not.toBeNull();
    // Inngest runs the functions, not this process.
    expect(await emailsFor(appointment.id)).toEqual([]);
  });

  it("when Inngest is unreachable, records the attempt and the error and leaves the row for the relay", async () => {
    useInngestMode();
    vi.spyOn(inngest, "send").mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:8288"));
    const appointment = await bookWithOutbox(salon);

    expect(await publishPendingOutbox()).toMatchObject({ mode: "inngest", published: 0, failed: 1 });
    const row = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id } });
    expect(row).toMatchObject({ publishedAt: null, attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:8288" });

    vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
    expect(await publishPendingOutbox()).toMatchObject({ published: 1 });
  });

  it("keeps passing until a burst's backlog is out, though each pass stops at its batch limit", async () => {
    useInngestMode();
    vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
    for (let i = 0; i < 5; i++) await bookWithOutbox(salon);

    // One pass takes at most maxBatches × batchSize rows and says that more were due.
    expect(await publishPendingOutbox({ batchSize: 1, maxBatches: 2 })).toMatchObject({ published: 2, more: true });
    // A woken publisher (after a change, or the worker) does not leave the rest for the next sweep.
    expect(await publishUntilCaughtUp({ batchSize: 1, maxBatches: 2 })).toMatchObject({ published: 3, more: false });
    expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });

  it("in embedded mode never calls inngest.send, and publishOutboxAfterResponse runs at once outside a request", async () => {
    const send = vi.spyOn(inngest, "send");
    const appointment = await bookWithOutbox(salon);
    expect(await publishOutboxAfterResponse()).toMatchObject({ mode: "embedded" });
    expect(send).not.toHaveBeenCalled();
    expect((await emailsFor(appointment.id)).map((email) => email.kind).sort()).toEqual(["confirmation", "stylist-booked"]);
  });

  it("coalesces a burst: callers during a run share one follow-up run, and every row is published once", async () => {
    useInngestMode();
    const batches: SentEvent[][] = [];
    let release = () => {};
    const slowInngest = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
      batches.push(payload as SentEvent[]);
      if (batches.length === 1) await slowInngest; // the first run stays busy until the burst has arrived
      return { ids: [] };
    }) as never);
    const booked = [];
    for (let i = 0; i < 3; i++) booked.push(await bookWithOutbox(salon));
    const running = publishOutboxAfterResponse();
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    const joined = [publishOutboxAfterResponse(), publishOutboxAfterResponse(), publishOutboxAfterResponse()];
    release();
    const [first, ...summaries] = await Promise.all([running, ...joined]);

    // One follow-up run shared by every caller who came while the first was busy, not one run each.
    expect(summaries[1]).toBe(summaries[0]);
    expect(summaries[2]).toBe(summaries[0]);
    expect(summaries[0]).not.toBe(first);
    const published = batches.flat().map((event) => event.data.appointmentId);
    expect(published.sort()).toEqual(booked.map((appointment) => appointment.id).sort());
    expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });
});
