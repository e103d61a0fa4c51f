import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PartnerCancelConsequences, PartnerCancelForm } from "@/components/invitations/partner-cancel";
import { NoAccess } from "@/components/layout/area-shell";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { getPartnerInvitation } from "@/lib/invitations/queries";
import { readPathParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Cancel this invitation?" };

/** The Cancel invitation confirmation as a page, for browsers without JavaScript. */
export default async function CancelPartnerInvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  const context = await getAreaContext("invitations.manage", `/partner/invitations/${id}/cancel`);
  if (!context) {
    return (
      <NoAccess title="Cancel this invitation?">
        <p>Only agents of a partner organization can cancel its invitations.</p>
      </NoAccess>
    );
  }
  const invitation = await getPartnerInvitation(await getDb(), context.membership.organizationId, id);
  if (!invitation) notFound();
  const back = `/partner/invitations/${invitation.id}`;
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">Cancel this invitation?</h1>
      {invitation.status === "pending" ? (
        <>
          <PartnerCancelConsequences customer={invitation.customerName ?? invitation.customerEmail} />
          <div className="flex flex-wrap gap-3">
            <PartnerCancelForm invitationId={invitation.id} />
            <Link className={buttonClasses({ variant: "secondary" })} href={back}>
              No
            </Link>
          </div>
        </>
      ) : (
        <p className="text-gray-800">
          This invitation is no longer pending, so there is nothing to cancel.{" "}
          <Link className="font-medium text-accent-700 underline" href={back}>
            Back to the invitation
          </Link>
        </p>
      )}
    </main>
  );
}
