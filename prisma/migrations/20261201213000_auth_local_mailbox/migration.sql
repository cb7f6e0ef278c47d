-- The local mailbox's raw copies, apart from the staff-visible email log (EmailMessage).
CREATE TABLE "MailboxMessage" (
    "id" TEXT NOT NULL,
    "emailId" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxMessage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MailboxMessage_emailId_key" ON "MailboxMessage"("emailId");
CREATE INDEX "MailboxMessage_createdAt_idx" ON "MailboxMessage"("createdAt");

ALTER TABLE "MailboxMessage" ADD CONSTRAINT "MailboxMessage_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "EmailMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Account emails logged before this release still hold their one-time links: remove them.
UPDATE "EmailMessage"
   SET "html" = '<p>Account email: its one-time link was removed from this log.</p>',
       "text" = 'Account email: its one-time link was removed from this log.'
 WHERE "kind" LIKE 'auth.%';
