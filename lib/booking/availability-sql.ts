import { Prisma } from "@/lib/generated/prisma/client";

// The two statements of an availability load (run by loadSalonAndService / loadStaffSchedules in
// data.ts), in a module of their own so `npm run bench:api`'s bare-pg baseline runs exactly what the
// app runs without the data layer exporting its SQL.

/**
 * Query 1 of an availability load: the salon's settings with the service (null columns when the service
 * does not exist). Both are primary-key lookups.
 */
export function salonAndServiceSql(serviceId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s."timezone", s."slotStepMinutes", s."minNoticeMinutes", s."bookingHorizonDays",
           s."cancelCutoffMinutes", s."rescheduleCutoffMinutes", s."maxFutureBookingsPerCustomer",
           sv."id" AS "serviceId", sv."name" AS "serviceName", sv."active" AS "serviceActive",
           sv."durationMinutes", sv."bufferBeforeMinutes", sv."bufferAfterMinutes", sv."priceCents", sv."currency"
      FROM "SalonSettings" s
      LEFT JOIN "Service" sv ON sv."id" = ${serviceId}
     WHERE s."id" = 1`;
}

/**
 * Query 2: stylists with their weekly hours, time off and busy (BOOKED) blocked ranges inside `window`,
 * in display order. With `staffId`, that stylist whatever their state (the caller reports why they
 * cannot be booked); without, every active stylist who performs the service. Busy ranges are found through
 * the exclusion constraint's GiST index (same staffId + tstzrange expression, same BOOKED predicate); time
 * off through (staffId, startsAt). `excludeAppointmentId` leaves out the appointment being rescheduled.
 */
export function staffSchedulesSql(args: {
  serviceId: string;
  staffId: string | null;
  window: { from: number; until: number };
  excludeAppointmentId?: string;
}): Prisma.Sql {
  const from = new Date(args.window.from);
  const until = new Date(args.window.until);
  const exclude = args.excludeAppointmentId ?? null;
  return Prisma.sql`
    SELECT sp."userId" AS "staffId", sp."displayName" AS "name", sp."active",
           EXISTS (SELECT 1 FROM "StaffService" ss
                    WHERE ss."staffId" = sp."userId" AND ss."serviceId" = ${args.serviceId}) AS "performsService",
           COALESCE((SELECT json_agg(json_build_object('weekday', w."weekday", 'startMinute', w."startMinute",
                                                       'endMinute', w."endMinute") ORDER BY w."weekday", w."startMinute")
                       FROM "WorkingHours" w WHERE w."staffId" = sp."userId"), '[]'::json) AS "workingHours",
           COALESCE((SELECT json_agg(json_build_object(
                              'from', (extract(epoch FROM t."startsAt") * 1000)::bigint,
                              'until', (extract(epoch FROM t."endsAt") * 1000)::bigint) ORDER BY t."startsAt")
                       FROM "TimeOff" t
                      WHERE t."staffId" = sp."userId"
                        AND t."startsAt" < ${until}::timestamptz AND t."endsAt" > ${from}::timestamptz), '[]'::json) AS "timeOff",
           COALESCE((SELECT json_agg(json_build_object(
                              'from', (extract(epoch FROM a."blockedFrom") * 1000)::bigint,
                              'until', (extract(epoch FROM a."blockedUntil") * 1000)::bigint) ORDER BY a."blockedFrom")
                       FROM "Appointment" a
                      WHERE a."staffId" = sp."userId" AND a."status" = 'BOOKED'
                        AND tstzrange(a."blockedFrom", a."blockedUntil", '[)')
                            && tstzrange(${from}::timestamptz, ${until}::timestamptz, '[)')
                        AND a."id" IS DISTINCT FROM ${exclude}::text), '[]'::json) AS "busy"
      FROM "StaffProfile" sp
     WHERE CASE WHEN ${args.staffId}::text IS NULL
                THEN sp."active" AND EXISTS (SELECT 1 FROM "StaffService" ss
                                              WHERE ss."staffId" = sp."userId" AND ss."serviceId" = ${args.serviceId})
                ELSE sp."userId" = ${args.staffId}::text END
     ORDER BY sp."sortOrder", sp."displayName", sp."userId"`;
}
