-- AlterTable
ALTER TABLE "SalonSettings" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-GB';
