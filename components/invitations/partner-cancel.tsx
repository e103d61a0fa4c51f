import { SubmitButton } from "@/components/ui/submit-button";
import { cancelInvitationAction } from "@/lib/invitations/actions";

/** What the partner's Cancel invitation does, said the same way in the dialog and on its no-JS page. */
export function PartnerCancelConsequences({ customer }: { customer: string }) {
  return (
    <div className="space-y-2 text-sm text-gray-800">
      <p>The invitation to {customer} ends now:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>The link in the email stops working, so it can no longer be accepted.</li>
        <li>Nothing is granted, and the invitation can't be reopened.</li>
      </ul>
      <p>To work with {customer} later, send a new invitation.</p>
    </div>
  );
}

/** Yes: cancels the invitation and returns to its page. */
export function PartnerCancelForm({ invitationId }: { invitationId: string }) {
  return (
    <form action={cancelInvitationAction}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="danger" pendingLabel="Canceling…">
        Yes
      </SubmitButton>
    </form>
  );
}
