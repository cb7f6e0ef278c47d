import type { Metadata } from "next";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Join the team" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function AcceptInvitationPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold text-stone-900">Join the team</h1>
      {token ? (
        <>
          <p className="mt-2 mb-6 text-stone-700">Choose the name your colleagues see and a password for your dashboard login.</p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <p className="mt-2 text-stone-700">This page needs the link from your invitation email. Ask the salon to send you a new one.</p>
      )}
    </>
  );
}
