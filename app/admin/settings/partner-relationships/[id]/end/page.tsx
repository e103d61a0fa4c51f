import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { EndRelationshipConsequences, EndRelationshipForm } from "@/components/relationships/end-relationship";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { readPathParams } from "@/lib/page-params";
import { getRelationshipDetails } from "@/lib/relationships/queries";
import { isGrantActive, isTypeInForce } from "@/lib/relationships/rules";
import { relationshipTypeName } from "@/lib/relationships/types";
import { roleNamesByPrivilege } from "@/lib/roles";

export const metadata: Metadata = { title: "End relationship?" };

/** The End relationship? confirmation as a page, for browsers without JavaScript. */
export default async function EndRelationshipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  const context = await getAreaContext("relationships.end", `/admin/settings/partner-relationships/${id}/end`);
  if (!context) {
    return (
      <NoAccess title="End relationship?">
        <p>A Global administrator can end a partner relationship.</p>
      </NoAccess>
    );
  }
  const details = await getRelationshipDetails(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, id);
  if (!details) notFound();
  const back = `/admin/settings/partner-relationships/${id}`;
  const now = new Date();
  const types = details.types.filter(({ type }) => isTypeInForce(type, now)).map(({ type }) => relationshipTypeName(type.type));
  const roles = roleNamesByPrivilege(details.grants.filter(({ grant }) => isGrantActive(grant, now)).map(({ grant }) => grant.roleId));
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">End relationship?</h1>
      {types.length > 0 ? (
        <>
          <EndRelationshipConsequences partnerName={details.partnerName} types={types} roles={roles} />
          <div className="flex flex-wrap gap-3">
            <EndRelationshipForm relationshipId={id} />
            <Link className={buttonClasses({ variant: "secondary" })} href={back}>
              No
            </Link>
          </div>
        </>
      ) : (
        <p className="text-gray-800">
          This relationship has already ended.{" "}
          <Link className="font-medium text-accent-700 underline" href={back}>
            Back to {details.partnerName}
          </Link>
        </p>
      )}
    </main>
  );
}
