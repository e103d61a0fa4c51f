import { SubmitButton } from "@/components/ui/submit-button";
import { endRelationshipAction } from "@/lib/relationships/actions";

/** What End relationship ends, said the same way in the dialog and on its no-JavaScript page. */
export function EndRelationshipConsequences({ partnerName, types, roles }: { partnerName: string; types: string[]; roles: string[] }) {
  return (
    <div className="space-y-2 text-sm text-gray-800">
      <p>Everything {partnerName} has with your organization ends now:</p>
      <ul className="list-disc space-y-1 pl-5">
        {types.map((type) => (
          <li key={type}>{type}</li>
        ))}
        {roles.length > 0 ? <li>Admin roles: {roles.join(", ")}</li> : <li>No admin roles are in force.</li>}
      </ul>
      <p>
        It can&apos;t be undone: to work with {partnerName} again, ask them for a new invitation. {partnerName}&apos;s admin agents and your Global
        administrators are told by email.
      </p>
    </div>
  );
}

/** Yes: ends the relationship and returns to the partner's page. */
export function EndRelationshipForm({ relationshipId }: { relationshipId: string }) {
  return (
    <form action={endRelationshipAction}>
      <input type="hidden" name="relationshipId" value={relationshipId} />
      <SubmitButton variant="danger" pendingLabel="Ending…">
        Yes
      </SubmitButton>
    </form>
  );
}
