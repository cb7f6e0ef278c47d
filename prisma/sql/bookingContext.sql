-- Everything the booking rules read, in one round trip: the salon's settings, the service (with its
-- patch-test rule), the customer (whether they exist, their upcoming bookings and negative patch tests), and each candidate
-- stylist's hours, time off and busy time. Raw because the ORM needs a query per table and maps every
-- row; through it this was the larger half of a booking's CPU. The salon's timezone is only known inside
-- this statement, so busy time and time off are read 26 hours either side of the asked range (wider
-- than any salon-local day around it): the engine clips busy time to the local day, so the surplus
-- changes nothing. Busy ranges come through the exclusion constraint's GiST index (same staffId +
-- tstzrange expression, same predicate: BOOKED and PENDING_PAYMENT, a slot being paid for is held like a
-- booking); time off through (staffId, startsAt). The payments policy (deposit rule, fees, hold length)
-- decides whether the booking is written as a hold waiting for its deposit.
-- @param {String} $1:serviceId
-- @param {String} $2:staffId null: every active stylist who performs the service
-- @param {DateTime} $3:rangeFrom
-- @param {DateTime} $4:rangeUntil
-- @param {String} $5:customerId null: no customer facts (an availability question)
-- @param {DateTime} $6:now
-- @param {String} $7:excludeAppointmentId the appointment being moved, whose own time is free
-- @param {Int} $8:durationMinutes null: the service's (a reschedule keeps its booked snapshot)
-- @param {Int} $9:bufferBeforeMinutes
-- @param {Int} $10:bufferAfterMinutes
WITH salon AS (
  SELECT s."timezone", s."slotStepMinutes", s."minNoticeMinutes", s."bookingHorizonDays",
         s."cancelCutoffMinutes", s."rescheduleCutoffMinutes", s."maxFutureBookingsPerCustomer",
         s."patchTestMaxAgeMonths", ps."name" AS "patchTestServiceName", ps."active" AS "patchTestServiceActive",
         sv."id" AS "serviceId", sv."name" AS "serviceName", sv."active" AS "serviceActive",
         sv."durationMinutes", sv."bufferBeforeMinutes", sv."bufferAfterMinutes", sv."priceCents", sv."currency",
         sv."requiresPatchTest", sv."processingMinutes", sv."bufferInsideVisit",
         sv."depositCents", sv."depositPercent", sv."cardRequired",
         s."paymentHoldMinutes", s."lateCancelFeeCents", s."noShowFeeCents",
         $3::timestamptz - interval '26 hours'
           - make_interval(mins => COALESCE($9::int, sv."bufferBeforeMinutes", 0)) AS "windowFrom",
         $4::timestamptz + interval '26 hours'
           + make_interval(mins => COALESCE($8::int, sv."durationMinutes", 0) + COALESCE($10::int, sv."bufferAfterMinutes", 0)) AS "windowUntil"
    FROM "SalonSettings" s
    LEFT JOIN "Service" sv ON sv."id" = $1
    LEFT JOIN "Service" ps ON ps."id" = s."patchTestServiceId"
   WHERE s."id" = 1
)
SELECT salon."timezone", salon."slotStepMinutes", salon."minNoticeMinutes", salon."bookingHorizonDays",
       salon."cancelCutoffMinutes", salon."rescheduleCutoffMinutes", salon."maxFutureBookingsPerCustomer",
       salon."patchTestMaxAgeMonths", salon."patchTestServiceName", salon."patchTestServiceActive",
       salon."serviceId", salon."serviceName", salon."serviceActive", salon."durationMinutes",
       salon."bufferBeforeMinutes", salon."bufferAfterMinutes", salon."priceCents", salon."currency",
       COALESCE(salon."requiresPatchTest", false) AS "requiresPatchTest",
       COALESCE(salon."processingMinutes", 0) AS "processingMinutes", COALESCE(salon."bufferInsideVisit", true) AS "bufferInsideVisit",
       salon."depositCents", salon."depositPercent", COALESCE(salon."cardRequired", false) AS "cardRequired",
       salon."paymentHoldMinutes", salon."lateCancelFeeCents", salon."noShowFeeCents",
       EXISTS (SELECT 1 FROM "User" u WHERE u."id" = $5) AS "customerExists",
       -- A visit of several services counts once toward the cap; a hold waiting for its deposit counts too.
       (SELECT count(DISTINCT COALESCE(a."visitId", a."id"))::int FROM "Appointment" a
         WHERE a."customerId" = $5 AND a."status" IN ('BOOKED', 'PENDING_PAYMENT') AND a."startsAt" > $6::timestamptz) AS "upcomingBookings",
       COALESCE((SELECT json_agg((extract(epoch FROM p."testedAt") * 1000)::bigint ORDER BY p."testedAt")
                   FROM "PatchTest" p
                  WHERE salon."requiresPatchTest" AND p."customerId" = $5 AND p."result" = 'NEGATIVE'), '[]'::json) AS "negativePatchTests",
       COALESCE((
         SELECT json_agg(json_build_object(
                  'staffId', sp."userId", 'name', sp."displayName", 'active', sp."active",
                  'performsService', EXISTS (SELECT 1 FROM "StaffService" ss
                                              WHERE ss."staffId" = sp."userId" AND ss."serviceId" = $1),
                  'workingHours', COALESCE((SELECT json_agg(json_build_object('weekday', w."weekday", 'startMinute', w."startMinute",
                                                                              'endMinute', w."endMinute") ORDER BY w."weekday", w."startMinute")
                                              FROM "WorkingHours" w WHERE w."staffId" = sp."userId"), '[]'::json),
                  'timeOff', COALESCE((SELECT json_agg(json_build_object(
                                                'from', (extract(epoch FROM t."startsAt") * 1000)::bigint,
                                                'until', (extract(epoch FROM t."endsAt") * 1000)::bigint) ORDER BY t."startsAt")
                                         FROM "TimeOff" t
                                        WHERE t."staffId" = sp."userId"
                                          AND t."startsAt" < salon."windowUntil" AND t."endsAt" > salon."windowFrom"), '[]'::json),
                  'busy', COALESCE((SELECT json_agg(json_build_object(
                                             'from', (extract(epoch FROM a."blockedFrom") * 1000)::bigint,
                                             'until', (extract(epoch FROM a."blockedUntil") * 1000)::bigint) ORDER BY a."blockedFrom")
                                      FROM "Appointment" a
                                     WHERE a."staffId" = sp."userId" AND a."status" IN ('BOOKED', 'PENDING_PAYMENT')
                                       AND tstzrange(a."blockedFrom", a."blockedUntil", '[)')
                                           && tstzrange(salon."windowFrom", salon."windowUntil", '[)')
                                       AND a."id" IS DISTINCT FROM $7::text), '[]'::json))
                ORDER BY sp."sortOrder", sp."displayName", sp."userId")
           FROM "StaffProfile" sp
          WHERE CASE WHEN $2::text IS NULL
                     THEN sp."active" AND EXISTS (SELECT 1 FROM "StaffService" ss
                                                   WHERE ss."staffId" = sp."userId" AND ss."serviceId" = $1)
                     ELSE sp."userId" = $2::text END), '[]'::json) AS "staff"
  FROM salon
