/**
 * The API's key lookup that also counts the request under the key's policy, as plain parameterised SQL so
 * the app and bench:api's bare-pg baseline run the same text. Parameters: $1 the key's SHA-256, $2 the
 * counter key prefix, $3 the window start, $4 now.
 */
export const API_KEY_COUNTING_SQL = `
    WITH found AS (
      SELECT k."id", k."scopes", k."expiresAt", k."revokedAt",
             u."id" AS "ownerId", u."name" AS "ownerName", u."email" AS "ownerEmail", u."role"::text AS "ownerRole",
             u."disabledAt" AS "ownerDisabledAt"
        FROM "ApiKey" k JOIN "User" u ON u."id" = k."ownerId"
       WHERE k."hashedKey" = $1
    ), counted AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      SELECT $2 || found."id", $3, 1 FROM found
       WHERE found."revokedAt" IS NULL AND (found."expiresAt" IS NULL OR found."expiresAt" > $4)
         AND found."ownerDisabledAt" IS NULL
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"
    )
    SELECT found.*, (SELECT "count" FROM counted) AS "requestCount" FROM found`;
