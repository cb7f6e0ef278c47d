import { withProblemRoute } from "@/lib/api/with-problem-route";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { exportCustomerData } from "@/lib/customers/data";
import { AppError } from "@/lib/errors";

/** The signed-in customer's own data as a JSON download (anyone else gets the same 404 as a typo). */
export const GET = withProblemRoute("/appointments/my-data.json", async () => {
  const user = await currentUser();
  if (!user || !can(user.role, "account.ownData")) throw new AppError("NOT_FOUND", "Nothing here.");
  const data = await exportCustomerData(user.id);
  return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="pamper-book-my-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
});
