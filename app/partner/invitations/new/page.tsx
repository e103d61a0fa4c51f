import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { InvitationForm } from "@/components/invitations/invitation-form";
import { getDb } from "@/db/client";
import { hasPermission } from "@/lib/authz";
import { getPartnerRequest } from "@/lib/contact-requests/queries";
import { getAreaContext } from "@/lib/context";
import { readSearchParams, type SearchParams } from "@/lib/page-params";
import { GDAP_DEFAULT_DAYS, RELATIONSHIP_TYPES } from "@/lib/relationships/types";
import { DIRECTORY_ROLES, roleName } from "@/lib/roles";

export const metadata: Metadata = { title: "New invitation" };

export default async function NewInvitationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await getAreaContext("invitations.send", "/partner/invitations/new");
  if (!context) {
    return (
      <NoAccess title="Send an invitation">
        <p>Only agents of a partner organization can invite customers.</p>
      </NoAccess>
    );
  }
  const orgId = context.membership.organizationId;
  const canAskForRoles = hasPermission(context.actor, "invitations.send_admin_roles", orgId);
  const { request: requestId } = await readSearchParams(searchParams);
  const request = typeof requestId === "string" ? await getPartnerRequest(await getDb(), orgId, requestId) : undefined;

  return (
    <main className="max-w-3xl">
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href="/partner/invitations">
          Invitations
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">Invite a customer</h1>
      <p className="mt-1 text-gray-700">
        Choose the relationship that fits the customer's needs. They see exactly what you ask for and accept it in their admin center.
      </p>
      {request && (
        <p className="mt-4 rounded-md border border-accent-200 bg-accent-50 p-3 text-sm text-gray-800">
          Following up on the request from {request.name} at {request.company}.
        </p>
      )}
      {!canAskForRoles && (
        <p className="mt-4 rounded-md border border-gray-200 bg-white p-3 text-sm text-gray-800">
          As a sales agent you can send {listOf(RELATIONSHIP_TYPES.filter((t) => !t.requiresAdminAgent).map((t) => t.name))} invitations.
          Types that ask for admin roles need an admin agent.
        </p>
      )}
      <div className="mt-6">
        <InvitationForm
          idempotencyKey={randomUUID()}
          types={RELATIONSHIP_TYPES.map((t) => ({
            id: t.id,
            name: t.name,
            description: t.description,
            fixedRoles: t.fixedRoles.map(roleName),
            choosesRoles: t.choosesRoles,
            allowed: canAskForRoles || !t.requiresAdminAgent,
          }))}
          roles={DIRECTORY_ROLES.map((r) => ({ id: r.id, name: r.name, description: r.description, highlyPrivileged: r.privilege === "high" }))}
          defaults={{
            customerEmail: request?.email,
            message: request ? `Hello ${request.name}, following up on your request: ` : undefined,
            contactRecipientId: request?.recipientId,
            durationDays: GDAP_DEFAULT_DAYS,
          }}
        />
      </div>
    </main>
  );
}

function listOf(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
