import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isExclusionViolation } from "@/lib/db-errors";

/**
 * The database itself refuses a second active booking that overlaps a stylist's blocked time (buffers
 * included), so no race between "check" and "insert" in application code can double-book.
 */

const MINUTE = 60_000;
const base = Date.parse("2030-01-07T10:00:00Z");

let customerId: string;
let serviceId: string;
const stylists: string[] = [];

beforeAll(async () => {
  const customer = await db.user.create({ data: { name: "Test Customer", email: "customer@test.test" } });
  customerId = customer.id;
  const service = await db.service.create({
    data: { slug: "cut", name: "Cut", category: "Hair", durationMinutes: 60, priceCents: 5000, currency: "GBP" },
  });
  serviceId = service.id;
  for (const name of ["Stylist A", "Stylist B"]) {
    const user = await db.user.create({
      data: { name, email: `${name.replace(" ", ".").toLowerCase()}@test.test`, role: "STYLIST" },
    });
    stylists.push(user.id);
  }
});

type Booking = {
  staff?: number;
  startMinute: number;
  durationMinutes?: number;
  bufferBefore?: number;
  bufferAfter?: number;
  status?: "BOOKED" | "CANCELLED" | "COMPLETED" | "NO_SHOW";
};

function insert({ staff = 0, startMinute, durationMinutes = 60, bufferBefore = 0, bufferAfter = 0, status = "BOOKED" }: Booking) {
  const startsAt = base + startMinute * MINUTE;
  const endsAt = startsAt + durationMinutes * MINUTE;
  return db.appointment.create({
    data: {
      customerId,
      serviceId,
      staffId: stylists[staff]!,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      blockedFrom: new Date(startsAt - bufferBefore * MINUTE),
      blockedUntil: new Date(endsAt + bufferAfter * MINUTE),
      bufferBeforeMinutes: bufferBefore,
      bufferAfterMinutes: bufferAfter,
      status,
      source: "WEB",
      durationMinutes,
      priceCents: 5000,
      currency: "GBP",
    },
  });
}

async function expectOverlapRejected(booking: Booking) {
  const error = await insert(booking).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the overlapping booking should have been refused").toBeDefined();
  expect(isExclusionViolation(error)).toBe(true);
}

describe("the no-double-booking constraint", () => {
  it("rejects an overlapping active booking for the same stylist with SQLSTATE 23P01", async () => {
    await insert({ startMinute: 0 });
    await expectOverlapRejected({ startMinute: 30 });
  });

  it("accepts the same time for another stylist", async () => {
    await expect(insert({ staff: 1, startMinute: 0 })).resolves.toMatchObject({ status: "BOOKED" });
  });

  it("accepts an overlap with a cancelled appointment", async () => {
    await insert({ startMinute: 24 * 60, status: "CANCELLED" });
    await expect(insert({ startMinute: 24 * 60 + 15 })).resolves.toMatchObject({ status: "BOOKED" });
  });

  it("accepts back-to-back appointments without buffers", async () => {
    await insert({ startMinute: 2 * 24 * 60 });
    await expect(insert({ startMinute: 2 * 24 * 60 + 60 })).resolves.toMatchObject({ status: "BOOKED" });
  });

  it("counts the buffer after an appointment toward the overlap", async () => {
    await insert({ startMinute: 3 * 24 * 60, bufferAfter: 15 });
    await expectOverlapRejected({ startMinute: 3 * 24 * 60 + 60 });
    await expect(insert({ startMinute: 3 * 24 * 60 + 75 })).resolves.toBeDefined();
  });

  it("counts the buffer before an appointment toward the overlap", async () => {
    await insert({ startMinute: 4 * 24 * 60 });
    await expectOverlapRejected({ startMinute: 4 * 24 * 60 + 70, bufferBefore: 15 });
  });

  it("refuses an appointment that ends before it starts", async () => {
    await expect(insert({ startMinute: 5 * 24 * 60, durationMinutes: -30 })).rejects.toThrow();
  });

  it("leaves no overlapping active appointments in the table", async () => {
    const overlaps = await db.$queryRaw<Array<{ count: bigint }>>`
      SELECT count(*) AS count FROM "Appointment" a JOIN "Appointment" b
        ON a."staffId" = b."staffId" AND a.id < b.id
       AND a.status = 'BOOKED' AND b.status = 'BOOKED'
       AND tstzrange(a."blockedFrom", a."blockedUntil") && tstzrange(b."blockedFrom", b."blockedUntil")`;
    expect(Number(overlaps[0]!.count)).toBe(0);
  });
});
