import type { Metadata } from "next";
import Link from "next/link";
import { CancelInvitationConsequences, DeclineInvitationForm } from "@/components/invitations/answer-forms";
import { NoAccess } from "@/components/layout/area-shell";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/authz";
import { declineInvitationAction } from "@/lib/invitations/actions";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { invitationAccess } from "@/lib/invitations/rules";
import { readPathParams } from "@/lib/page-params";

// The token is in this page's address: a Referer header carries only the origin. (Not "no-referrer":
// a form posted from such a page says Origin: null, which the request guard refuses as another site's.)
export const metadata: Metadata = { title: "Cancel this invitation?", referrer: "strict-origin" };

/**
 * The customer's Cancel invitation confirmation as a page, for browsers without JavaScript. Whether
 * the invitation may be answered at all is the review page's to explain: anything else links back to it.
 */
export default async function CancelInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await readPathParams(params);
  const back = `/admin/invitations/${token}`;
  const db = await getDb();
  const [actor, found] = await Promise.all([getActor(), findInvitationByToken(db, token)]);
  const access = found ? invitationAccess(actor, found.invitation, found.addressee) : undefined;
  if (!found || !access || access.kind === "not-for-you" || access.kind === "needs-role" || found.status !== "pending") {
    return (
      <NoAccess title="Cancel this invitation?">
        <p>
          This invitation can't be canceled here.{" "}
          <Link className="font-medium text-accent-700 underline" href={back}>
            Open the invitation
          </Link>{" "}
          to see why.
        </p>
      </NoAccess>
    );
  }
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">Cancel this invitation?</h1>
      <CancelInvitationConsequences partnerName={found.partnerName} grantsRoles={found.invitation.roles.length > 0} />
      <DeclineInvitationForm
        action={declineInvitationAction.bind(null, token)}
        no={
          <Link className={buttonClasses({ variant: "secondary" })} href={back}>
            No
          </Link>
        }
      />
    </main>
  );
}
