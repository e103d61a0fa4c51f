import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { findInvitationByToken } from "@/lib/invitations/customer-queries";

export const metadata: Metadata = { title: "Accept agreement & authorize partner", referrer: "no-referrer" };

function Ended({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <NoAccess title={title}>
      {children}
      <p>
        <Link className="font-medium text-accent-700 underline" href="/admin/settings/partner-relationships">
          Go to Partner relationships
        </Link>
      </p>
    </NoAccess>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const context = await getAreaContext("customer", `/admin/invitations/${token}`);
  const found = await findInvitationByToken(await getDb(), token);
  if (!found) {
    return (
      <Ended title="This invitation link doesn't work">
        <p>The link may be incomplete or mistyped. Open it again from the email, or ask the partner to resend the invitation.</p>
      </Ended>
    );
  }
  const { invitation, status } = found;
  if (status === "cancelled") {
    return (
      <Ended title="This invitation was cancelled">
        <p>{found.partnerName} cancelled it. If you still want to work with them, ask them to send a new invitation.</p>
      </Ended>
    );
  }
  if (status === "expired") {
    return (
      <Ended title="This invitation has expired">
        <p>
          Invitations can be accepted for 90 days; this one expired on {formatDate(invitation.expiresAt)}. Ask {found.partnerName} to send a
          new one.
        </p>
      </Ended>
    );
  }
  if (status === "declined") {
    return (
      <Ended title="This invitation was declined">
        <p>Your organization declined it{invitation.respondedAt ? ` on ${formatDate(invitation.respondedAt)}` : ""}. Nothing was granted.</p>
      </Ended>
    );
  }
  if (status === "accepted") {
    return (
      <Ended title="This invitation was already accepted">
        <p>
          Already accepted on {found.acceptance ? formatDate(found.acceptance.acceptedAt) : "an earlier date"} by{" "}
          {found.acceptance?.acceptedBy ?? found.acceptance?.acceptedByEmail ?? "an administrator"}.
        </p>
      </Ended>
    );
  }
  if (!context) {
    return (
      <NoAccess title="Accept agreement & authorize partner">
        <p>Only administrators of a customer organization can answer partner invitations.</p>
      </NoAccess>
    );
  }
  return (
    <main className="max-w-3xl">
      <h1 className="text-2xl font-semibold text-gray-900">Accept agreement & authorize partner</h1>
      <p className="mt-2 text-gray-700">
        {found.partnerName} invites {context.membership.organizationName} to a partner relationship.
      </p>
    </main>
  );
}
