import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/gates";
import { can } from "@/lib/auth/permissions";
import { DashboardNav } from "./_components/dashboard-nav";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Dashboard · Pamper Book" } };

/**
 * Staff only (the dashboard.access permission), checked on the server before anything renders (customers get a 404). Every
 * page and action below checks again: layouts do not re-run on every navigation, and actions bypass them.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("dashboard.access", "/dashboard");
  return (
    <div className="flex flex-1 flex-col">
      <DashboardNav can={(permission) => can(user.role, permission)} />
      <main id="main" className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
