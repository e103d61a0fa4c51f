import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { readPathParams } from "@/lib/page-params";
import { removeRolesAction } from "@/lib/relationships/actions";
import { getRelationshipDetails } from "@/lib/relationships/queries";
import { isGrantActive } from "@/lib/relationships/rules";
import { relationshipTypeName, typesAfterRemovingRoles } from "@/lib/relationships/types";
import { sortByPrivilege } from "@/lib/roles";

export const metadata: Metadata = { title: "Remove roles?" };

/** The Remove roles? confirmation as a page, for browsers without JavaScript. */
export default async function RemoveRolesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  const context = await getAreaContext("relationships.remove_roles", `/admin/settings/partner-relationships/${id}/remove-roles`);
  if (!context) {
    return (
      <NoAccess title="Remove roles?">
        <p>You need to be a Global or Billing administrator to remove a partner's roles.</p>
      </NoAccess>
    );
  }
  const details = await getRelationshipDetails(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, id);
  if (!details) notFound();
  const back = `/admin/settings/partner-relationships/${id}`;
  const roles = sortByPrivilege(details.grants.filter((g) => isGrantActive(g.grant)).map((g) => g.grant.roleId));
  const remaining = typesAfterRemovingRoles(details.types.filter(({ type }) => !type.terminatedAt).map(({ type }) => type.type)).map(relationshipTypeName);
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">Remove roles?</h1>
      {roles.length === 0 ? (
        <p className="text-gray-800">{details.partnerName} holds no admin roles.</p>
      ) : (
        <>
          <p className="text-gray-800">{details.partnerName} will lose these admin roles at once:</p>
          <ul className="list-disc pl-5 text-gray-800">
            {roles.map((role) => (
              <li key={role.id}>{role.name}</li>
            ))}
          </ul>
          <p className="text-gray-800">
            The relationship itself stays{remaining.length > 0 ? `: ${details.partnerName} remains ${remaining.join(", ")}.` : "."} To end it, contact{" "}
            {details.partnerName}.
          </p>
          <div className="flex gap-3">
            <form action={removeRolesAction}>
              <input type="hidden" name="relationshipId" value={id} />
              <SubmitButton variant="danger">Yes</SubmitButton>
            </form>
            <Link className={buttonClasses({ variant: "secondary" })} href={back}>
              No
            </Link>
          </div>
        </>
      )}
    </main>
  );
}
