-- An idempotent replay answers with the first answer's headers (ETag, Location), not only its body.
ALTER TABLE "IdempotencyRecord" ADD COLUMN "responseHeaders" JSONB;
