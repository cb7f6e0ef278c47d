import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as visitItem from "@/app/api/v1/visits/[id]/route";
import * as visits from "@/app/api/v1/visits/route";
import { db } from "@/lib/db";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { call } from "@/tests/support/api-client";
import { at, createKey, createService, createStylist, createUser } from "@/tests/support/api-fixtures";
import { startHttpStub } from "@/tests/support/http-stub";
import { eventually, subscribe, verifyWith, webhookSalonBeforeAll } from "@/tests/support/webhook-fixtures";

/**
 * A visit of three segments (cut with one stylist, colour with another, cut again with the first) booked,
 * moved and cancelled through the API: partners hear one visit.* event per change with the GET
 * representation and one appointment.* event per segment naming the visit; the customer gets one email
 * per change and each stylist one notice covering their segments.
 */

type Auth = Record<string, string>;
type Body = ReturnType<typeof verifyWith>;
let admin: Auth, customerKey: Auth;
let colour: string, colourist: string, customer: string;
const salon = webhookSalonBeforeAll();
const receiver = await startHttpStub(() => ({ status: 200, body: { ok: true } }));

beforeAll(async () => {
  admin = (await createKey((await createUser("ADMIN")).id)).auth;
  customer = (await createUser("CUSTOMER")).id;
  customerKey = (await createKey(customer)).auth;
  colour = (await createService()).id;
  colourist = (await createStylist([colour])).id;
});

afterAll(() => receiver.close());

const items = () => [
  { serviceId: salon.serviceId, staffId: salon.stylistId },
  { serviceId: colour, staffId: colourist },
  { serviceId: salon.serviceId, staffId: salon.stylistId },
];

async function received(secret: string, count: number): Promise<Body[]> {
  await eventually(() => receiver.requests.length >= count);
  // Anything beyond the expected count would be a duplicate: give it a moment to show up.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const bodies = receiver.requests.map((request) => verifyWith(secret, request));
  receiver.requests.length = 0;
  return bodies;
}

const ofType = (bodies: Body[], type: string) => bodies.filter((body) => body.type === type);

async function visitAsRead(id: string) {
  const read = await call(visitItem.GET, "GET", `/visits/${id}`, { headers: customerKey, params: { id } });
  return JSON.parse(JSON.stringify(read.body)) as Record<string, unknown>;
}

const emailKinds = async (segmentIds: string[]) =>
  (await db.emailMessage.findMany({ where: { appointmentId: { in: segmentIds } }, select: { kind: true, to: true, appointmentId: true } }))
    .map((email) => `${email.kind}:${email.appointmentId}`)
    .sort();

describe("a visit's changes as webhooks and notices", () => {
  it("sends each change once as a visit event and once per segment as an appointment event", async () => {
    const hook = await subscribe(admin, `${receiver.url}/all`, [
      "appointment.created",
      "appointment.rescheduled",
      "appointment.cancelled",
      "visit.booked",
      "visit.rescheduled",
      "visit.cancelled",
    ]);

    const booked = await call(visits.POST, "POST", "/visits", { headers: customerKey, body: { startsAt: at(30, 9), items: items() } });
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    const segmentIds = (booked.body.segments as { id: string }[]).map((segment) => segment.id);
    await publishOutboxAfterResponse();
    let bodies = await received(hook.secret, 4);
    expect(bodies).toHaveLength(4);
    expect(ofType(bodies, "visit.booked").map((body) => body.data)).toEqual([await visitAsRead(id)]);
    const created = ofType(bodies, "appointment.created");
    expect(created.map((body) => body.data.id).sort()).toEqual([...segmentIds].sort());
    expect(created.every((body) => body.data.visitId === id)).toBe(true);

    // The customer hears once for the visit; each stylist once, the first stylist's notice listing both cuts.
    const [first, second, third] = segmentIds as [string, string, string];
    expect(await emailKinds(segmentIds)).toEqual(
      [`stylist-visit-booked:${first}`, `stylist-visit-booked:${second}`, `visit-confirmation:${first}`].sort(),
    );
    const notice = await db.emailMessage.findFirstOrThrow({ where: { appointmentId: first, kind: "stylist-visit-booked" } });
    expect((notice.text.match(/Service svc-/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(notice.text).not.toContain((await db.service.findUniqueOrThrow({ where: { id: colour } })).name);

    const moved = await call(visitItem.PATCH, "PATCH", `/visits/${id}`, {
      headers: { ...customerKey, "if-match": booked.headers.get("etag")! },
      params: { id },
      body: { startsAt: at(30, 14) },
    });
    expect(moved.status).toBe(200);
    await publishOutboxAfterResponse();
    bodies = await received(hook.secret, 4);
    expect(bodies).toHaveLength(4);
    const [visitMoved] = ofType(bodies, "visit.rescheduled");
    expect(visitMoved).toMatchObject({ data: await visitAsRead(id), previous: { startsAt: at(30, 9) } });
    const segmentMoves = ofType(bodies, "appointment.rescheduled");
    expect(segmentMoves).toHaveLength(3);
    expect(segmentMoves.find((body) => body.data.id === third)).toMatchObject({
      data: { visitId: id, startsAt: at(30, 16) },
      previous: { startsAt: at(30, 11), endsAt: at(30, 12), staffId: salon.stylistId, serviceId: salon.serviceId },
    });

    const cancelled = await call(visitItem.DELETE, "DELETE", `/visits/${id}`, {
      headers: { ...customerKey, "if-match": moved.headers.get("etag")! },
      params: { id },
    });
    expect(cancelled.status).toBe(200);
    await publishOutboxAfterResponse();
    bodies = await received(hook.secret, 4);
    expect(bodies).toHaveLength(4);
    expect(ofType(bodies, "visit.cancelled").map((body) => body.data)).toEqual([await visitAsRead(id)]);
    expect(ofType(bodies, "appointment.cancelled").map((body) => body.data.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);

    const kinds = await emailKinds(segmentIds);
    expect(kinds.filter((kind) => kind.startsWith("visit-reschedule"))).toEqual([`visit-reschedule:${first}`]);
    expect(kinds.filter((kind) => kind.startsWith("visit-cancellation"))).toEqual([`visit-cancellation:${first}`]);
    expect(kinds.filter((kind) => kind.startsWith("stylist-visit-cancelled"))).toEqual(
      [`stylist-visit-cancelled:${first}`, `stylist-visit-cancelled:${second}`].sort(),
    );
    // No email answered a segment's own event.
    expect(kinds.filter((kind) => /^(confirmation|reschedule|cancellation|stylist-booked|stylist-cancelled):/.test(kind))).toEqual([]);
  });
});
