import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";

const linkClass = "rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100";

/** The site's banner: where to book, your appointments, and who is signed in (checked on the server). */
export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex min-h-16 max-w-5xl flex-wrap items-center justify-between gap-2 px-4 sm:px-6">
        <Link href="/" className="text-lg font-bold text-brand-700">
          Pamper Book
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
          <Link href="/book" className={linkClass}>
            Book
          </Link>
          {user ? (
            <>
              {/* Only a convenience: the dashboard checks the permission on the server itself. */}
              {can(user.role, "dashboard.access") && (
                <Link href="/dashboard" className={linkClass}>
                  Dashboard
                </Link>
              )}
              <Link href="/appointments" className={linkClass}>
                My appointments
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={linkClass}>
                  Sign out<span className="sr-only"> {user.name}</span>
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={linkClass}>
                Sign in
              </Link>
              <Link href="/register" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-900">
                Register
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
