import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The report queries: each one aggregate statement over the scoped appointments, grouped in the salon's
 * timezone by the database, so a year of bookings is never loaded into memory. Rows are checked with zod
 * (counts and sums arrive as bigint). Cancelled appointments count in the status figures only.
 */

/** What every report query is limited to: the instants of the local range, and the optional filters. */
export type ReportScope = {
  timezone: string;
  /** Local dates, both included. */
  from: string;
  to: string;
  /** The first instant of `from` and the first instant after `to`, in the salon's timezone. */
  fromInstant: Date;
  untilInstant: Date;
  staffId?: string;
  serviceId?: string;
  /** A cancellation later than this before the start is a late one (the salon's cancellation cutoff). */
  lateCutoffMinutes: number;
};

const count = z.coerce.number().int();

function scoped(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`a."startsAt" >= ${scope.fromInstant} AND a."startsAt" < ${scope.untilInstant}
    ${scope.staffId ? Prisma.sql`AND a."staffId" = ${scope.staffId}` : Prisma.empty}
    ${scope.serviceId ? Prisma.sql`AND a."serviceId" = ${scope.serviceId}` : Prisma.empty}`;
}

function figures(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`count(*) AS total,
    count(*) FILTER (WHERE a.status = 'BOOKED') AS booked,
    count(*) FILTER (WHERE a.status = 'COMPLETED') AS completed,
    count(*) FILTER (WHERE a.status = 'CANCELLED') AS cancelled,
    count(*) FILTER (WHERE a.status = 'NO_SHOW') AS "noShow",
    count(*) FILTER (WHERE a.status = 'CANCELLED'
      AND a."cancelledAt" > a."startsAt" - make_interval(mins => ${scope.lateCutoffMinutes}::int)) AS "lateCancelled",
    coalesce(sum(a."priceCents") FILTER (WHERE a.status <> 'CANCELLED'), 0) AS "bookedRevenue",
    coalesce(sum(a."priceCents") FILTER (WHERE a.status = 'COMPLETED'), 0) AS "completedRevenue",
    coalesce(sum(a."durationMinutes") FILTER (WHERE a.status <> 'CANCELLED'), 0) AS "bookedMinutes"`;
}

const ZFigures = z.object({
  total: count,
  booked: count,
  completed: count,
  cancelled: count,
  noShow: count,
  lateCancelled: count,
  bookedRevenue: count,
  completedRevenue: count,
  bookedMinutes: count,
});
export type Figures = z.infer<typeof ZFigures>;

const ZDayRow = z.object({ day: z.string(), booked: count, completed: count });
export type RevenueDay = z.infer<typeof ZDayRow>;

/** Booked (not cancelled) and completed revenue per local day that has any appointment. */
export async function revenueByDay(scope: ReportScope): Promise<RevenueDay[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT to_char((a."startsAt" AT TIME ZONE ${scope.timezone})::date, 'YYYY-MM-DD') AS day,
      coalesce(sum(a."priceCents") FILTER (WHERE a.status <> 'CANCELLED'), 0) AS booked,
      coalesce(sum(a."priceCents") FILTER (WHERE a.status = 'COMPLETED'), 0) AS completed
    FROM "Appointment" a WHERE ${scoped(scope)}
    GROUP BY 1 ORDER BY 1`;
  return z.array(ZDayRow).parse(rows);
}

const ZStylistRow = ZFigures.extend({ staffId: z.string(), name: z.string() });
export type StylistFigures = z.infer<typeof ZStylistRow>;

export async function figuresByStylist(scope: ReportScope): Promise<StylistFigures[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT a."staffId" AS "staffId", coalesce(sp."displayName", u.name) AS name, ${figures(scope)}
    FROM "Appointment" a JOIN "User" u ON u.id = a."staffId" LEFT JOIN "StaffProfile" sp ON sp."userId" = a."staffId"
    WHERE ${scoped(scope)}
    GROUP BY a."staffId", sp."displayName", u.name ORDER BY 2`;
  return z.array(ZStylistRow).parse(rows);
}

const ZServiceRow = ZFigures.extend({ serviceId: z.string(), name: z.string() });
export type ServiceFigures = z.infer<typeof ZServiceRow>;

export async function figuresByService(scope: ReportScope): Promise<ServiceFigures[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT a."serviceId" AS "serviceId", s.name AS name, ${figures(scope)}
    FROM "Appointment" a JOIN "Service" s ON s.id = a."serviceId"
    WHERE ${scoped(scope)}
    GROUP BY a."serviceId", s.name ORDER BY 2`;
  return z.array(ZServiceRow).parse(rows);
}

const ZWorkingRow = z.object({ staffId: z.string(), name: z.string(), workingMinutes: count });
export type WorkingMinutes = z.infer<typeof ZWorkingRow>;

/**
 * Each active stylist's working minutes in the range: the weekly hours laid on every local date (so a DST
 * day's interval has its real length), as one multirange per stylist, minus the union of their time off.
 * Breaks are the gaps between a day's intervals, so they never count.
 */
export async function workingMinutesByStylist(scope: ReportScope): Promise<WorkingMinutes[]> {
  const staff = scope.staffId ? Prisma.sql`AND sp."userId" = ${scope.staffId}` : Prisma.empty;
  const rows = await db.$queryRaw<unknown[]>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${scope.from}::date, ${scope.to}::date, interval '1 day') AS d
    ), work AS (
      SELECT w."staffId", range_agg(tstzrange(
        (days.day + make_interval(mins => w."startMinute")) AT TIME ZONE ${scope.timezone},
        (days.day + make_interval(mins => w."endMinute")) AT TIME ZONE ${scope.timezone})) AS working
      FROM days JOIN "WorkingHours" w ON w.weekday = extract(isodow FROM days.day)
      JOIN "StaffProfile" sp ON sp."userId" = w."staffId" AND sp.active ${staff}
      GROUP BY w."staffId"
    ), off AS (
      SELECT t."staffId", range_agg(tstzrange(t."startsAt", t."endsAt")) AS away
      FROM "TimeOff" t WHERE t."endsAt" > ${scope.fromInstant} AND t."startsAt" < ${scope.untilInstant}
      GROUP BY t."staffId"
    )
    SELECT work."staffId" AS "staffId", sp."displayName" AS name,
      (SELECT coalesce(round(sum(extract(epoch FROM upper(piece) - lower(piece))) / 60), 0)
         FROM unnest(work.working - coalesce(off.away, '{}'::tstzmultirange)) AS piece) AS "workingMinutes"
    FROM work LEFT JOIN off ON off."staffId" = work."staffId" JOIN "StaffProfile" sp ON sp."userId" = work."staffId"
    ORDER BY 2`;
  return z.array(ZWorkingRow).parse(rows);
}

const ZCustomerRow = z.object({ customers: count, newCustomers: count, completedVisits: count, rebookedVisits: count });
export type CustomerFigures = z.infer<typeof ZCustomerRow>;

/** Weeks within which a completed visit must be followed by another booking to count as rebooked. */
export const REBOOKING_WEEKS = 8;

/**
 * Customers with a (not cancelled) appointment in the range, of whom new = none before the range with the
 * salon at all; and completed visits in the range followed by another appointment, with anyone, that
 * starts within eight weeks of the visit.
 */
export async function customerFigures(scope: ReportScope): Promise<CustomerFigures> {
  // One pass over the range and the eight weeks after it: each appointment's next one by the same
  // customer (with anyone), then the filters narrow which visits count.
  const rows = await db.$queryRaw<unknown[]>`
    WITH timeline AS (
      SELECT a."customerId", a."staffId", a."serviceId", a."startsAt", a.status,
        lead(a."startsAt") OVER (PARTITION BY a."customerId" COLLATE "C" ORDER BY a."startsAt") AS "nextStartsAt"
      FROM "Appointment" a
      WHERE a.status <> 'CANCELLED' AND a."startsAt" >= ${scope.fromInstant}
        AND a."startsAt" < ${scope.untilInstant}::timestamptz + make_interval(weeks => ${REBOOKING_WEEKS}::int)
    ), visits AS MATERIALIZED (
      SELECT count(*) FILTER (WHERE a.status = 'COMPLETED') AS "completedVisits",
        count(*) FILTER (WHERE a.status = 'COMPLETED'
          AND a."nextStartsAt" <= a."startsAt" + make_interval(weeks => ${REBOOKING_WEEKS}::int)) AS "rebookedVisits",
        array_agg(DISTINCT a."customerId") AS people
      FROM timeline a WHERE ${scoped(scope)}
    )
    SELECT cardinality(visits.people) AS customers, visits."completedVisits", visits."rebookedVisits",
      (SELECT count(*) FROM unnest(visits.people) AS person("customerId") WHERE NOT EXISTS (
        SELECT 1 FROM "Appointment" p WHERE p."customerId" = person."customerId" AND p.status <> 'CANCELLED'
          AND p."startsAt" < ${scope.fromInstant})) AS "newCustomers"
    FROM visits`;
  return ZCustomerRow.parse(rows[0]);
}

const ZHourRow = z.object({ weekday: count, hour: count, appointments: count });
export type HourCount = z.infer<typeof ZHourRow>;

/** Appointments (not cancelled) by the local weekday (1 = Monday) and hour they start at. */
export async function busiestHours(scope: ReportScope): Promise<HourCount[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT extract(isodow FROM a."startsAt" AT TIME ZONE ${scope.timezone}) AS weekday,
      extract(hour FROM a."startsAt" AT TIME ZONE ${scope.timezone}) AS hour, count(*) AS appointments
    FROM "Appointment" a WHERE ${scoped(scope)} AND a.status <> 'CANCELLED'
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return z.array(ZHourRow).parse(rows);
}
