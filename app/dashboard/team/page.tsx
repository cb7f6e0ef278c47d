import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/gates";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { roleLabels } from "@/lib/dashboard/labels";
import { getSalonSettings } from "@/lib/salon/data";
import { listPendingInvitations, listTeam } from "@/lib/team/data";
import { AccountStateForm, InviteMemberForm, RoleForm } from "../_components/team-forms";

export const metadata: Metadata = { title: "Team" };

/** Who has a dashboard login, with what role, and when they last signed in; invite, re-role, disable. */
export default async function TeamPage() {
  const user = await requirePermission("team.manage", "/dashboard/team");
  const [members, invitations, salon] = await Promise.all([listTeam(), listPendingInvitations(), getSalonSettings()]);
  const when = (date: Date | null) => (date ? formatSalonDateTime(date, salon.timezone) : "Never");
  return (
    <>
      <PageHeader title="Team" />
      <section aria-labelledby="invite-heading" className="mb-8">
        <h2 id="invite-heading" className="mb-2 text-lg font-semibold">
          Invite a team member
        </h2>
        <p className="mb-3 text-sm text-stone-700">They get a one-time link, valid for 7 days, to choose their name and password.</p>
        <InviteMemberForm />
      </section>
      {invitations.length > 0 && (
        <section aria-labelledby="pending-heading" className="mb-8">
          <h2 id="pending-heading" className="mb-2 text-lg font-semibold">
            Pending invitations
          </h2>
          <ul className="flex flex-col gap-1 text-sm">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} — {roleLabels[invitation.role]}, link valid until {when(invitation.expiresAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-2 text-lg font-semibold">
          Members
        </h2>
        <DataTable
          rows={members}
          rowKey={(member) => member.id}
          columns={[
            { header: "Name", cell: (member) => (member.id === user.id ? `${member.name} (you)` : member.name) },
            { header: "Email", cell: (member) => member.email },
            { header: "Role", cell: (member) => (member.id === user.id ? roleLabels[member.role] : <RoleForm member={member} />) },
            { header: "Last sign-in", cell: (member) => when(member.lastSignInAt) },
            { header: "Status", cell: (member) => (member.disabledAt ? `Disabled ${when(member.disabledAt)}` : "Active") },
            {
              header: "Account",
              hideHeader: true,
              cell: (member) =>
                member.id !== user.id && <AccountStateForm userId={member.id} name={member.name} disabled={member.disabledAt !== null} />,
            },
          ]}
        />
      </section>
    </>
  );
}
