-- Roles for a salon team: STAFF becomes STYLIST (existing stylists keep their rows and meaning) and a
-- FRONT_DESK role joins. RENAME VALUE keeps every stored value; nothing below uses the added value, so
-- ADD VALUE may run inside the migration's transaction (PostgreSQL 12 and later).
ALTER TYPE "Role" RENAME VALUE 'STAFF' TO 'STYLIST';
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'FRONT_DESK' BEFORE 'ADMIN';

-- A disabled account has no session, cannot sign in, and its API keys are refused.
ALTER TABLE "User" ADD COLUMN "disabledAt" TIMESTAMPTZ(3),
ADD COLUMN "lastSignInAt" TIMESTAMPTZ(3);
