import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { reportCsv } from "@/lib/reports/csv";
import { loadReports, loadReportSummary } from "@/lib/reports/load-reports";
import { createBookingFixture, errorOf, type BookingFixture } from "../support/booking-fixtures";

/**
 * Hand-computed figures over two weeks of London time that span the end of summer time (Sunday
 * 2030-10-27): Ben works Monday–Saturday 09:00–17:00, Amy the same less a lunch hour, and Amy has a whole
 * day (Wednesday 23 October) and two hours (Thursday 31 October 10:00–12:00) off.
 */
const RANGE = { from: "2030-10-21", to: "2030-11-03" };
let f: BookingFixture;
let cara: string;
let stylistAmy: Actor;

async function appointment(row: {
  staffId: string;
  customerId: string;
  serviceId: string;
  startsAt: string;
  status: "BOOKED" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
  priceCents: number;
  cancelledAt?: string;
}) {
  const startsAt = new Date(row.startsAt);
  const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
  await db.appointment.create({
    data: {
      ...row,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      durationMinutes: 60,
      currency: "GBP",
      source: "DASHBOARD",
      cancelledAt: row.cancelledAt ? new Date(row.cancelledAt) : null,
    },
  });
}

beforeAll(async () => {
  f = await createBookingFixture();
  stylistAmy = { kind: "user", userId: f.amy, role: "STYLIST" };
  cara = (await db.user.create({ data: { name: "Cara", email: `cara.${process.pid}@test.test`, role: "CUSTOMER" } })).id;
  await db.timeOff.createMany({
    data: [
      { staffId: f.amy, startsAt: new Date("2030-10-22T23:00:00Z"), endsAt: new Date("2030-10-23T23:00:00Z") },
      { staffId: f.amy, startsAt: new Date("2030-10-31T10:00:00Z"), endsAt: new Date("2030-10-31T12:00:00Z") },
    ],
  });
  const { ben, amy, alice, bob, cut, massage } = f;
  // Before the range: Bob is a returning customer.
  await appointment({
    staffId: ben,
    customerId: bob,
    serviceId: cut,
    startsAt: "2030-09-02T09:00:00Z",
    status: "COMPLETED",
    priceCents: 4500,
  });
  // Monday 09:00 BST and Monday 09:00 GMT: the same local hour, an hour apart in UTC.
  await appointment({
    staffId: ben,
    customerId: alice,
    serviceId: cut,
    startsAt: "2030-10-21T08:00:00Z",
    status: "COMPLETED",
    priceCents: 4500,
  });
  await appointment({
    staffId: ben,
    customerId: bob,
    serviceId: cut,
    startsAt: "2030-10-22T09:00:00Z",
    status: "COMPLETED",
    priceCents: 4500,
  });
  await appointment({
    staffId: amy,
    customerId: cara,
    serviceId: massage,
    startsAt: "2030-10-24T14:00:00Z",
    status: "COMPLETED",
    priceCents: 6000,
  });
  // 23:30 UTC on Friday is 00:30 on Saturday in London: it belongs to Saturday 26 October.
  await appointment({
    staffId: amy,
    customerId: alice,
    serviceId: massage,
    startsAt: "2030-10-25T23:30:00Z",
    status: "COMPLETED",
    priceCents: 6000,
  });
  await appointment({
    staffId: ben,
    customerId: bob,
    serviceId: cut,
    startsAt: "2030-10-28T09:00:00Z",
    status: "NO_SHOW",
    priceCents: 4500,
  });
  // Cancelled three hours before (late: the cutoff is a day), and eleven days before.
  const late = { staffId: amy, customerId: bob, serviceId: cut, startsAt: "2030-10-29T11:00:00Z", priceCents: 4500 };
  await appointment({ ...late, status: "CANCELLED", cancelledAt: "2030-10-29T08:00:00Z" });
  const early = { staffId: amy, customerId: alice, serviceId: cut, startsAt: "2030-11-01T14:00:00Z", priceCents: 4500 };
  await appointment({ ...early, status: "CANCELLED", cancelledAt: "2030-10-20T10:00:00Z" });
  await appointment({
    staffId: ben,
    customerId: alice,
    serviceId: cut,
    startsAt: "2030-11-02T10:00:00Z",
    status: "BOOKED",
    priceCents: 4500,
  });
});

describe("reports", () => {
  it("sums booked and completed revenue by the salon's local date, across the clock change", async () => {
    const reports = await loadReports(f.actors.admin, RANGE);
    const nonZero = reports.revenueByDay.filter((day) => day.booked > 0);
    expect(nonZero).toEqual([
      { day: "2030-10-21", booked: 4500, completed: 4500 },
      { day: "2030-10-22", booked: 4500, completed: 4500 },
      { day: "2030-10-24", booked: 6000, completed: 6000 },
      { day: "2030-10-26", booked: 6000, completed: 6000 },
      { day: "2030-10-28", booked: 4500, completed: 0 },
      { day: "2030-11-02", booked: 4500, completed: 0 },
    ]);
    expect(reports.revenueByDay).toHaveLength(14);
    expect(reports.totals).toMatchObject({ bookedRevenue: 30000, completedRevenue: 21000 });
  });

  it("agrees with an independent query on completed revenue", async () => {
    const reports = await loadReports(f.actors.admin, RANGE);
    const [row] = await db.$queryRaw<Array<{ sum: bigint }>>`
      SELECT sum("priceCents") AS sum FROM "Appointment"
      WHERE status = 'COMPLETED' AND ("startsAt" AT TIME ZONE 'Europe/London')::date BETWEEN '2030-10-21' AND '2030-11-03'`;
    expect(reports.totals.completedRevenue).toBe(Number(row!.sum));
  });

  it("computes utilisation net of breaks and time off, and per-stylist statuses and rates", async () => {
    const reports = await loadReports(f.actors.admin, RANGE);
    const amy = reports.stylists.find((row) => row.staffId === f.amy)!;
    const ben = reports.stylists.find((row) => row.staffId === f.ben)!;
    // 12 working days × 480 min; Amy 12 × 420 less a 420-minute day off and 120 minutes.
    expect(ben).toMatchObject({ workingMinutes: 5760, bookedMinutes: 240, total: 4, completed: 2, noShow: 1, booked: 1, cancelled: 0 });
    expect(amy).toMatchObject({ workingMinutes: 4500, bookedMinutes: 120, total: 4, completed: 2, cancelled: 2, lateCancelled: 1 });
    expect(ben.utilisation).toBeCloseTo(240 / 5760);
    expect(amy.utilisation).toBeCloseTo(120 / 4500);
    expect(ben.noShowRate).toBeCloseTo(1 / 3);
    expect(amy.noShowRate).toBe(0);
    expect(amy.lateCancellationRate).toBe(0.25);
    expect(ben.completedRevenue).toBe(9000);
    expect(amy.bookedRevenue).toBe(12000);
  });

  it("counts statuses per service and ranks the top services", async () => {
    const reports = await loadReports(f.actors.admin, RANGE);
    const cut = reports.services.find((row) => row.serviceId === f.cut)!;
    expect(cut).toMatchObject({ total: 6, completed: 2, noShow: 1, cancelled: 2, booked: 1, lateCancelled: 1 });
    expect(cut.noShowRate).toBeCloseTo(1 / 3);
    expect(reports.topServices.byCount.map((row) => row.serviceId)).toEqual([f.cut, f.massage]);
    expect(reports.topServices.byRevenue.map((row) => row.serviceId)).toEqual([f.massage, f.cut]);
  });

  it("tells new from returning customers and measures rebooking within eight weeks", async () => {
    const { customers } = await loadReports(f.actors.admin, RANGE);
    expect(customers).toEqual({
      customers: 3,
      newCustomers: 2,
      returningCustomers: 1,
      completedVisits: 4,
      rebookedVisits: 3,
      rebookingRate: 0.75,
    });
  });

  it("places appointments on the local weekday and hour", async () => {
    const { busiestHours } = await loadReports(f.actors.admin, RANGE);
    expect(busiestHours[0]![9]).toBe(2); // both Mondays at 09:00 local
    expect(busiestHours[5]![0]).toBe(1); // Saturday 00:30
    expect(busiestHours.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("narrows to a service", async () => {
    const reports = await loadReports(f.actors.admin, { ...RANGE, serviceId: f.massage });
    expect(reports.totals).toMatchObject({ total: 2, completedRevenue: 12000 });
  });

  it("shows a stylist only their own figures and refuses a colleague's", async () => {
    const own = await loadReportSummary(stylistAmy, RANGE);
    expect(own.scope.staffId).toBe(f.amy);
    expect(own.totals).toMatchObject({ total: 4, completedRevenue: 12000, workingMinutes: 4500 });
    expect(await errorOf(loadReports(stylistAmy, { ...RANGE, staffId: f.ben }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(loadReports(f.actors.staff, RANGE))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a range that ends before it starts", async () => {
    expect(await errorOf(loadReports(f.actors.admin, { from: "2030-11-03", to: "2030-10-21" }))).toMatchObject({ code: "VALIDATION" });
  });

  it("downloads CSV that parses back to the same numbers", async () => {
    const reports = await loadReports(f.actors.admin, RANGE);
    const utilisation = parse(reportCsv(reports, "utilisation"), { columns: true }) as Record<string, string>[];
    expect(utilisation.map((row) => [row.stylist, Number(row.working_minutes), Number(row.booked_minutes)])).toEqual(
      reports.stylists.map((row) => [row.name, row.workingMinutes, row.bookedMinutes]),
    );
    const days = parse(reportCsv(reports, "revenue-by-day"), { columns: true }) as Record<string, string>[];
    expect(days.reduce((sum, row) => sum + Number(row.completed_GBP), 0)).toBe(210);
    const hours = parse(reportCsv(reports, "busiest-hours"), { columns: true }) as Record<string, string>[];
    expect(hours[0]!["09:00"]).toBe("2");
  });
});
