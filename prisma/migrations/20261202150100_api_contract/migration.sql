-- An idempotent replay answers with the first answer's headers (ETag, Location), not only its body.
ALTER TABLE "IdempotencyRecord" ADD COLUMN "responseHeaders" JSONB;

-- Sync lists (`?updatedSince=`) walk these in (updatedAt, id) order.
CREATE INDEX "User_updatedAt_id_idx" ON "User"("updatedAt", "id");
CREATE INDEX "Service_updatedAt_id_idx" ON "Service"("updatedAt", "id");
CREATE INDEX "Appointment_updatedAt_id_idx" ON "Appointment"("updatedAt", "id");
