import Link from "next/link";

const linkClass = "rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100";

/** The dashboard's sections; admin-only ones are listed only for admins (their pages check again). */
export function DashboardNav({ isAdmin }: { isAdmin: boolean }) {
  const links = [
    { href: "/dashboard", label: "Calendar" },
    { href: "/dashboard/customers", label: "Customers" },
    { href: "/dashboard/emails", label: "Email log" },
    { href: "/dashboard/api-keys", label: "API keys" },
    ...(isAdmin
      ? [
          { href: "/dashboard/services", label: "Services" },
          { href: "/dashboard/stylists", label: "Stylists" },
          { href: "/dashboard/settings", label: "Settings" },
          { href: "/dashboard/notifications", label: "Notifications" },
        ]
      : []),
  ];
  return (
    <nav aria-label="Dashboard" className="border-b border-stone-200 bg-white">
      <ul className="mx-auto flex max-w-[1600px] flex-wrap gap-1 px-4 py-1 sm:px-6">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={linkClass}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
