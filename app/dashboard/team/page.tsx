import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
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
  const when = (date: Date | null) => (date ? formatSalonDateTime(date, salon) : "Never");
  return (
    <>
      <PageHeader title="Team" />
      <Section id="invite" title="Invite a team member" className="mb-8">
        <p className="mb-3 text-sm text-stone-700">They get a one-time link, valid for 7 days, to choose their name and password.</p>
        <InviteMemberForm />
      </Section>
      {invitations.length > 0 && (
        <Section id="pending" title="Pending invitations" className="mb-8">
          <ul className="flex flex-col gap-1 text-sm">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} — {roleLabels[invitation.role]}, link valid until {when(invitation.expiresAt)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="members" title="Members">
        <DataTable
          rows={members}
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
      </Section>
    </>
  );
}
