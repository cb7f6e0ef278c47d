-- A waitlist offer for a visit of several services records every segment it offers (service, stylist,
-- start, end, in order), so the email, the offer page and the booking name the same layout. Existing
-- offers are single-service ones: an empty list.
ALTER TABLE "WaitlistOffer" ADD COLUMN "segments" JSONB NOT NULL DEFAULT '[]';
