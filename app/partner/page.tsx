import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAreaContext } from "@/lib/context";
import { PARTNER_AGENT_ROLE_NAMES, type PartnerAgentRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Partner portal" };

export default async function PartnerHomePage() {
  const context = await getAreaContext("partner.view", "/partner");
  if (!context) {
    return (
      <NoAccess title="The partner portal is for partner organizations">
        <p>Your account isn't an agent of a partner organization. Customer administrators work in the admin center.</p>
      </NoAccess>
    );
  }
  const { membership } = context;
  const roles = membership.roles.map((r) => PARTNER_AGENT_ROLE_NAMES[r as PartnerAgentRole] ?? r).join(", ");
  return (
    <main>
      <h1 className="text-2xl font-semibold text-gray-900">{membership.organizationName}</h1>
      <p className="mt-1 text-gray-700">Your role: {roles || "member"}</p>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Your directory listing</CardTitle>
            <CardDescription>How customers find {membership.organizationName} in Find a partner.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link className="font-medium text-accent-700 underline" href="/partners">
              Open the directory
            </Link>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
