import Link from "next/link";
import { getDb } from "@/db/client";
import { currentAcceptance, hasAcceptedAnyVersion } from "@/lib/agreements/queries";
import { getActor, hasPermission, primaryMembership } from "@/lib/authz";
import { hasRelationships } from "@/lib/relationships/queries";

/** Asks customer admins to accept the agreement in force when they work with partners (or accepted an older version). */
export async function AgreementBanner() {
  const actor = await getActor();
  const membership = primaryMembership(actor, "customer");
  if (!membership || !hasPermission(actor, "relationships.view", membership.organizationId)) return null;
  const db = await getDb();
  const { agreement, acceptance } = await currentAcceptance(db, membership.organizationId);
  if (!agreement || acceptance) return null;
  const [accepted, worksWithPartners] = await Promise.all([hasAcceptedAnyVersion(db, membership.organizationId), hasRelationships(db, membership.organizationId)]);
  if (!accepted && !worksWithPartners) return null;
  return (
    <div role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-gray-900">
      {accepted ? `A new version of the Customer Agreement (${agreement.version}) is in force.` : "Your organization hasn't accepted the Customer Agreement yet."} Partners can't
      place purchases for {membership.organizationName} until it is accepted.{" "}
      <Link className="font-medium text-accent-800 underline" href="/admin/agreement">
        Review and accept the agreement
      </Link>
    </div>
  );
}
