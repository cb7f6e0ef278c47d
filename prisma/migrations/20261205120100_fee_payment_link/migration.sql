-- A fee the bank asked the customer to authenticate is paid through an emailed link: the link's token is
-- kept only as its hash, and the moment the email was asked for makes it go out once.

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "payLinkTokenHash" TEXT,
ADD COLUMN     "payLinkRequestedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_payLinkTokenHash_key" ON "Payment"("payLinkTokenHash");
