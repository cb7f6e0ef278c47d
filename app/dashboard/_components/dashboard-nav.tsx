import Link from "next/link";
import { VIEW_CUSTOMERS, VIEW_REPORTS, type Permission } from "@/lib/auth/permissions";

const linkClass = "rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100";

const sections: Array<{ href: string; label: string; needs: readonly Permission[] }> = [
  { href: "/dashboard", label: "Calendar", needs: ["dashboard.access"] },
  { href: "/dashboard/customers", label: "Customers", needs: VIEW_CUSTOMERS },
  { href: "/dashboard/waitlist", label: "Waitlist", needs: ["waitlist.manageAny"] },
  { href: "/dashboard/reports", label: "Reports", needs: VIEW_REPORTS },
  { href: "/dashboard/payments", label: "Payments", needs: ["payments.viewAll"] },
  { href: "/dashboard/emails", label: "Email log", needs: ["emailLog.view"] },
  { href: "/dashboard/schedule", label: "My schedule", needs: ["staffSchedule.manageOwn"] },
  { href: "/dashboard/api-keys", label: "API keys", needs: ["apiKeys.manageOwn"] },
  { href: "/dashboard/webhooks", label: "Webhooks", needs: ["webhooks.manage"] },
  { href: "/dashboard/services", label: "Services", needs: ["services.manage"] },
  { href: "/dashboard/stylists", label: "Stylists", needs: ["team.manage"] },
  { href: "/dashboard/settings", label: "Settings", needs: ["settings.manage"] },
  { href: "/dashboard/team", label: "Team", needs: ["team.manage"] },
  { href: "/dashboard/audit", label: "Audit log", needs: ["audit.view"] },
  { href: "/dashboard/notifications", label: "Notifications", needs: ["outbox.manage"] },
];

/** The dashboard's sections the user may open (each page checks again on the server). */
export function DashboardNav({ can }: { can: (permission: Permission) => boolean }) {
  const links = sections.filter((section) => section.needs.some(can));
  return (
    <nav aria-label="Dashboard" className="border-b border-stone-200 bg-white">
      <ul className="mx-auto flex max-w-[1600px] flex-wrap gap-1 px-4 py-1 sm:px-6">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={linkClass}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
