-- The list page: one page of appointments in (startsAt, id) order with their service, stylist and
-- customer, as the actor may see them. Raw because through the ORM this page cost more CPU (compiling
-- the filter tree, mapping the nested rows) than the database spent answering it. A null filter
-- parameter means "not filtered". Visibility ($8, $9) is the scope visibilityScope() in
-- lib/booking/visibility.ts names: 'all', 'none', 'customer' (own bookings, verified address) or
-- 'staffOrCustomer' (also the stylist's own column).
-- @param {String} $1:customerId
-- @param {String} $2:staffId
-- @param {String} $3:status
-- @param {DateTime} $4:from
-- @param {DateTime} $5:to
-- @param {DateTime} $6:afterStartsAt the cursor: strictly after (afterStartsAt, afterId)
-- @param {String} $7:afterId
-- @param {String} $8:scope
-- @param {String} $9:userId
-- @param {Int} $10:limit
SELECT a."id", a."status", a."startsAt", a."endsAt", a."serviceId", sv."name" AS "serviceName",
       a."staffId", COALESCE(sp."displayName", st."name") AS "staffName",
       a."customerId", c."name" AS "customerName", c."email" AS "customerEmail",
       a."customerNote", a."priceCents", a."currency", a."durationMinutes", a."source",
       a."cancellationReason", a."cancelledAt", a."createdAt", a."updatedAt", a."version",
       a."visitId"
  FROM "Appointment" a
  JOIN "Service" sv ON sv."id" = a."serviceId"
  JOIN "User" st ON st."id" = a."staffId"
  LEFT JOIN "StaffProfile" sp ON sp."userId" = a."staffId"
  JOIN "User" c ON c."id" = a."customerId"
 WHERE ($1::text IS NULL OR a."customerId" = $1::text)
   AND ($2::text IS NULL OR a."staffId" = $2::text)
   AND ($3::text IS NULL OR a."status" = $3::"AppointmentStatus")
   AND ($4::timestamptz IS NULL OR a."startsAt" >= $4::timestamptz)
   AND ($5::timestamptz IS NULL OR a."startsAt" < $5::timestamptz)
   AND ($6::timestamptz IS NULL OR (a."startsAt", a."id") > ($6::timestamptz, $7::text))
   AND ($8::text = 'all'
        OR ($8::text IN ('customer', 'staffOrCustomer') AND a."customerId" = $9::text AND c."emailVerified" IS NOT NULL)
        OR ($8::text = 'staffOrCustomer' AND a."staffId" = $9::text))
 ORDER BY a."startsAt", a."id"
 LIMIT $10::int
