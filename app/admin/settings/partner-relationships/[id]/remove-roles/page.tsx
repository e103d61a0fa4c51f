import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { RemovalSummaryText } from "@/components/relationships/removal-summary";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { readPathParams, readSearchParams, type SearchParams } from "@/lib/page-params";
import { removeRolesAction } from "@/lib/relationships/actions";
import { getRelationshipDetails } from "@/lib/relationships/queries";
import { removalSummary } from "@/lib/relationships/rules";
import { RELATIONSHIP_TYPES } from "@/lib/relationships/types";
import { isRoleId, roleName } from "@/lib/roles";

export const metadata: Metadata = { title: "Remove roles?" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/**
 * The Remove roles? confirmation as a page, for browsers without JavaScript: every role, or one
 * role from one type (`?role=helpdesk_admin&type=gdap`), with what ends named per type.
 */
export default async function RemoveRolesPage({ params, searchParams }: Props) {
  const { id } = await readPathParams(params);
  const query = await readSearchParams(searchParams);
  const context = await getAreaContext("relationships.remove_roles", `/admin/settings/partner-relationships/${id}/remove-roles`);
  if (!context) {
    return (
      <NoAccess title="Remove roles?">
        <p>You need to be a Global, Billing or Partner relationship administrator to remove a partner&apos;s roles.</p>
      </NoAccess>
    );
  }
  const details = await getRelationshipDetails(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, id);
  if (!details) notFound();
  const back = `/admin/settings/partner-relationships/${id}`;
  const roleId = typeof query.role === "string" && isRoleId(query.role) ? query.role : undefined;
  const viaType = typeof query.type === "string" ? RELATIONSHIP_TYPES.find((t) => t.id === query.type)?.id : undefined;
  const target = roleId && viaType ? { roleId, viaType } : undefined;
  const summary = removalSummary(
    details.types.map(({ type }) => type),
    details.grants.map(({ grant }) => grant),
    details.partnerName,
    target,
  );
  const title = target ? `Remove ${roleName(target.roleId)}?` : "Remove roles?";
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">{title}</h1>
      {summary.removing.length === 0 ? (
        <>
          <p className="text-gray-800">{target ? `${details.partnerName} no longer holds that role.` : `${details.partnerName} holds no admin roles.`}</p>
          <Link className={buttonClasses({ variant: "secondary" })} href={back}>
            Back to {details.partnerName}
          </Link>
        </>
      ) : (
        <>
          <RemovalSummaryText partnerName={details.partnerName} summary={summary} />
          <div className="flex gap-3">
            <form action={removeRolesAction}>
              <input type="hidden" name="relationshipId" value={id} />
              {target && (
                <>
                  <input type="hidden" name="roleId" value={target.roleId} />
                  <input type="hidden" name="viaType" value={target.viaType} />
                </>
              )}
              <SubmitButton variant="danger" pendingLabel="Removing…">
                Yes
              </SubmitButton>
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
