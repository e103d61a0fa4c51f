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
import { GDAP_DEFAULT_DAYS, RELATIONSHIP_TYPES, type RelationshipType } from "@/lib/relationships/types";
import { PARTNER_TASKS } from "@/lib/relationships/tasks";
import { listRoleTemplates } from "@/lib/relationships/templates";
import { roleName, rolesLeastPrivilegedFirst } from "@/lib/roles";

export const metadata: Metadata = { title: "New invitation" };

/**
 * Each type from the partner's side: what you get to do once the customer accepts. (The customer's
 * review page describes the same type from theirs.) Every type must have one, so a new type
 * cannot reach this form without being described.
 */
const WHAT_YOU_DO: Record<RelationshipType, string> = {
  gdap: "You manage the customer's products and services with only the admin roles you ask for below, until an end date. The customer approves each role, never a standing Global administrator.",
  reseller: "You sell products and services to the customer. You get no admin access to their organization.",
  delegated_admin: "You manage the customer's products and services with standing admin roles in their organization, Global administrator included.",
  reseller_delegated_admin: "You sell products and services to the customer and manage them with standing admin roles in their organization, Global administrator included.",
  partner: "You get a user account in the customer's organization and work with other services on their behalf.",
  advisor: "You reset passwords and handle support incidents for the customer.",
  mpsa: "You work with the customer through the Products & Services Agreement; they can choose to let their MPSA partners see each other's purchases.",
  lob: "You develop, submit and manage line-of-business apps made for the customer.",
};

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
  const { request: requestId, template: templateId } = await readSearchParams(searchParams);
  const db = await getDb();
  const request = typeof requestId === "string" ? await getPartnerRequest(db, orgId, requestId) : undefined;
  const templates = canAskForRoles ? await listRoleTemplates(db, { actor: context.actor, organizationId: orgId }) : [];
  const template = templates.find((t) => t.id === templateId);

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
      {templates.length > 0 && (
        <nav aria-label="Role templates" className="mt-4 rounded-md border border-gray-200 bg-white p-3 text-sm">
          <p className="font-medium text-gray-900">Start from a role template</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {templates.map((t) => (
              <li key={t.id}>
                <Link className="font-medium text-accent-700 underline" href={`/partner/invitations/new?template=${t.id}`} aria-current={t.id === template?.id ? "true" : undefined}>
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
          {template && <p className="mt-1 text-gray-700">Filled in from {template.name}: check the roles below.</p>}
        </nav>
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
            description: WHAT_YOU_DO[t.id],
            fixedRoles: t.fixedRoles.map(roleName),
            choosesRoles: t.choosesRoles,
            allowed: canAskForRoles || !t.requiresAdminAgent,
          }))}
          roles={rolesLeastPrivilegedFirst().map((r) => ({ id: r.id, name: r.name, description: r.description, highlyPrivileged: r.privilege === "high" }))}
          tasks={PARTNER_TASKS.map((t) => ({ id: t.id, name: t.name, roles: [...t.roles] }))}
          defaults={{
            customerEmail: request?.email,
            message: request ? `Hello ${request.name}, following up on your request: ` : undefined,
            contactRecipientId: request?.recipientId,
            durationDays: GDAP_DEFAULT_DAYS,
            ...(template ? { type: "gdap", roles: template.roles, tasks: template.tasks } : {}),
          }}
        />
      </div>
    </main>
  );
}

function listOf(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
