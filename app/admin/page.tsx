import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { hasPermission } from "@/lib/authz";
import { getAreaContext } from "@/lib/context";
import { listCustomerRelationships } from "@/lib/relationships/queries";
import { roleName } from "@/lib/roles";

export const metadata: Metadata = { title: "Admin center" };

export default async function AdminHomePage() {
  const context = await getAreaContext("admin.view", "/admin");
  if (!context) {
    return (
      <NoAccess title="The admin center is for customer organizations">
        <p>Your account holds no admin role in a customer organization. Ask a Global administrator of your organization for one; partner agents work in the partner portal.</p>
      </NoAccess>
    );
  }
  const { actor, membership } = context;
  const readsPartners = hasPermission(actor, "relationships.view", membership.organizationId);
  const relationships = readsPartners ? await listCustomerRelationships(await getDb(), { actor, organizationId: membership.organizationId }) : [];
  const withRoles = relationships.filter((r) => r.activeRoles.length > 0).length;
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">{membership.organizationName}</h1>
      <p className="mt-1 text-gray-700">
        Your roles: {membership.roles.length > 0 ? membership.roles.map(roleName).join(", ") : "no admin role"}
      </p>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Partner relationships</CardTitle>
            <CardDescription>
              {!readsPartners
                ? "Global administrators, Billing administrators and Global readers review which partners hold access."
                : relationships.length === 0
                  ? "You don't work with any partner yet."
                  : `${relationships.length} ${relationships.length === 1 ? "partner" : "partners"}, ${withRoles} with admin roles.`}
            </CardDescription>
          </CardHeader>
          {readsPartners && (
            <CardContent>
              <Link className="font-medium text-accent-700 underline" href="/admin/settings/partner-relationships">
                Review partner relationships
              </Link>
            </CardContent>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Find a partner</CardTitle>
            <CardDescription>Search certified partners by location, size and the services you need.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link className="font-medium text-accent-700 underline" href="/partners">
              Search the directory
            </Link>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
