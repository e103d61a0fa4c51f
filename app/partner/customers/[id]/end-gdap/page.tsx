import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndGdapConsequences, EndGdapForm } from "@/components/customers/end-gdap";
import { NoAccess } from "@/components/layout/area-shell";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { getPartnerCustomer } from "@/lib/organizations/queries";
import { readPathParams } from "@/lib/page-params";
import { isTypeInForce } from "@/lib/relationships/rules";
import { relationshipTypeName } from "@/lib/relationships/types";
import { sortByPrivilege } from "@/lib/roles";

export const metadata: Metadata = { title: "End GDAP?" };

/** The End GDAP? confirmation as a page, for browsers without JavaScript. */
export default async function EndGdapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  const context = await getAreaContext("relationships.end_gdap", `/partner/customers/${id}/end-gdap`);
  if (!context) {
    return (
      <NoAccess title="End GDAP?">
        <p>Only admin agents of a partner organization can end its granular delegated admin access.</p>
      </NoAccess>
    );
  }
  const customer = await getPartnerCustomer(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, id);
  if (!customer) notFound();
  const back = `/partner/customers/${customer.id}`;
  const now = new Date();
  const liveTypes = customer.types.filter((t) => isTypeInForce(t, now));
  const gdap = liveTypes.find((t) => t.type === "gdap");
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">End GDAP?</h1>
      {gdap ? (
        <>
          <EndGdapConsequences
            customerName={customer.customerName}
            roles={sortByPrivilege(customer.grants.filter((g) => g.viaType === "gdap").map((g) => g.roleId)).map((r) => r.name)}
            remainingTypes={liveTypes.filter((t) => t.type !== "gdap").map((t) => relationshipTypeName(t.type))}
          />
          <div className="flex flex-wrap gap-3">
            <EndGdapForm relationshipId={customer.id} />
            <Link className={buttonClasses({ variant: "secondary" })} href={back}>
              No
            </Link>
          </div>
        </>
      ) : (
        <p className="text-gray-800">
          {customer.customerName} gives you no granular delegated admin access now, so there is nothing to end.{" "}
          <Link className="font-medium text-accent-700 underline" href={back}>
            Back to {customer.customerName}
          </Link>
        </p>
      )}
    </main>
  );
}
