import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getSalonLocale } from "@/lib/salon/data";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pamper Book", template: "%s · Pamper Book" },
  description: "Book your next salon visit in a few taps.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The language is the salon's setting, read per request: never at build time, when there is no database.
  await connection();
  return (
    <html lang={await getSalonLocale()}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        {children}
      </body>
    </html>
  );
}
