import { SubmitButton } from "@/components/ui/submit-button";
import { endGdapAction } from "@/lib/relationships/actions";

/** What End GDAP does, said the same way in the dialog and on its no-JavaScript page. */
export function EndGdapConsequences({ customerName, roles, remainingTypes }: { customerName: string; roles: string[]; remainingTypes: string[] }) {
  return (
    <div className="space-y-2 text-sm text-gray-800">
      <p>Your granular delegated admin (GDAP) access to {customerName} ends now{roles.length > 0 ? ", with these admin roles:" : "."}</p>
      {roles.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {roles.map((role) => (
            <li key={role}>{role}</li>
          ))}
        </ul>
      )}
      <p>
        {remainingTypes.length > 0
          ? `You remain ${customerName}'s ${remainingTypes.join(", ")}; roles those types grant stay.`
          : `No other relationship type is left: the relationship with ${customerName} ends.`}{" "}
        It can't be undone: to work with GDAP again, send a new invitation. {customerName}'s Global administrators are told by email.
      </p>
    </div>
  );
}

/** Yes: ends the GDAP access and returns to the customer's page. */
export function EndGdapForm({ relationshipId }: { relationshipId: string }) {
  return (
    <form action={endGdapAction}>
      <input type="hidden" name="relationshipId" value={relationshipId} />
      <SubmitButton variant="danger" pendingLabel="Ending…">
        Yes
      </SubmitButton>
    </form>
  );
}
