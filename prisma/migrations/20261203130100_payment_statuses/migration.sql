-- The statuses of a booking waiting for its deposit. On their own: PostgreSQL cannot use an enum value
-- in the transaction that added it, and the next migration's constraint names them.
ALTER TYPE "AppointmentStatus" ADD VALUE 'PENDING_PAYMENT';
ALTER TYPE "AppointmentStatus" ADD VALUE 'EXPIRED';
