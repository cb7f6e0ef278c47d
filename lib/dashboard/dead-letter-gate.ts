import "server-only";
import { adminForAction, requireAdmin } from "@/lib/auth/staff-session";

/**
 * Who may see and retry dead-lettered notifications: admins (the rows name appointments and carry raw
 * provider errors). The one place to change when the role checks become permissions.
 */
export function requireDeadLetterViewer(returnTo: string) {
  return requireAdmin(returnTo);
}

export function deadLetterManagerForAction() {
  return adminForAction();
}
