import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { cache } from "react";
import type { DbOrTx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { currentActor } from "@/lib/auth/session";
import { ADMIN_CENTER_ROLES, CUSTOMER_DECISION_ROLES, CUSTOMER_READER_ROLES, PARTNER_AGENT_ROLES, PARTNER_RELATIONSHIP_ADMIN, type PartnerAgentRole } from "@/lib/roles";

export interface ActorMembership {
  organizationId: string;
  organizationName: string;
  kind: "customer" | "partner";
  roles: string[];
}

export interface Actor {
  userId: string;
  email: string;
  name: string | null;
  memberships: ActorMembership[];
}

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.email) return null;
  const rows = await db
    .select({
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      kind: organizations.kind,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(organizations.name);
  return { userId: user.id, email: user.email, name: user.name, memberships: rows };
}

/** The signed-in person and their organizations, once per request (one query at most: lib/auth/session.ts). */
export const getActor = cache((): Promise<Actor | null> => currentActor());

/**
 * One permission map for the whole product. Each permission names the organization kind it
 * applies to and the membership roles that hold it; an empty list means any member. Reading is
 * a permission too (README, "Who reads what"): pages and route handlers ask for it, and the
 * queries behind them refuse without it.
 */
export const PERMISSIONS = {
  "admin.view": { kind: "customer", roles: ADMIN_CENTER_ROLES },
  "relationships.view": { kind: "customer", roles: CUSTOMER_READER_ROLES },
  "invitations.accept": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  "agreement.accept": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  "relationships.remove_roles": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  "relationships.settings": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  /** Answer a partner's change request (approve, with changes, or decline) and Extend granular delegated access. */
  "relationships.approve_changes": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  /** End relationship: every role and every type with one partner, Reseller included. */
  "relationships.end": { kind: "customer", roles: ["global_admin", PARTNER_RELATIONSHIP_ADMIN] },
  /** Block (or unblock) one of a partner's people for the organization, without ending the relationship. */
  "access.block": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  /** Approve, deny or revoke a partner person's activation of a just-in-time role. */
  "access.approve_activations": { kind: "customer", roles: CUSTOMER_DECISION_ROLES },
  "domains.manage": { kind: "customer", roles: ["global_admin"] },
  /** The Users page: invite colleagues and give or take their admin roles. Global administrators only. */
  "users.manage": { kind: "customer", roles: ["global_admin"] },
  "partner.view": { kind: "partner", roles: PARTNER_AGENT_ROLES },
  "contact_requests.read": { kind: "partner", roles: ["admin_agent", "sales_agent"] satisfies PartnerAgentRole[] },
  "contact_requests.update": { kind: "partner", roles: ["admin_agent", "sales_agent"] satisfies PartnerAgentRole[] },
  "invitations.send": { kind: "partner", roles: ["admin_agent", "sales_agent"] satisfies PartnerAgentRole[] },
  "invitations.send_admin_roles": { kind: "partner", roles: ["admin_agent"] satisfies PartnerAgentRole[] },
  "invitations.manage": { kind: "partner", roles: ["admin_agent", "sales_agent"] satisfies PartnerAgentRole[] },
  /** End a customer's granular delegated admin access; who holds it hears about the partner's admin access there. */
  "relationships.end_gdap": { kind: "partner", roles: ["admin_agent"] satisfies PartnerAgentRole[] },
  /** Amend granular delegated access in force (less at once, more as a change request) and Request renewal. */
  "relationships.amend": { kind: "partner", roles: ["admin_agent"] satisfies PartnerAgentRole[] },
  /** The partner's people and security groups: invite technicians, assign agent roles, deactivate; groups and their members. */
  "team.manage": { kind: "partner", roles: ["admin_agent"] satisfies PartnerAgentRole[] },
  /** Give a security group some of the roles a customer granted (access assignments). */
  "access.assign": { kind: "partner", roles: ["admin_agent"] satisfies PartnerAgentRole[] },
  /** Ask for a signed access token for one customer: the person's roles there, through their groups. */
  "tokens.request": { kind: "partner", roles: ["admin_agent", "technician"] satisfies PartnerAgentRole[] },
} as const satisfies Record<string, { kind: "customer" | "partner"; roles: readonly string[] }>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(actor: Actor | null, permission: Permission, organizationId: string): boolean {
  if (!actor) return false;
  const rule = PERMISSIONS[permission];
  const membership = actor.memberships.find((m) => m.organizationId === organizationId);
  if (!membership || membership.kind !== rule.kind) return false;
  const required: readonly string[] = rule.roles;
  return required.length === 0 || membership.roles.some((role) => required.includes(role));
}

export class AuthorizationError extends Error {
  constructor(
    readonly reason: "unauthenticated" | "forbidden",
    message = reason === "unauthenticated" ? "Sign in to continue." : "You don't have permission to do this.",
  ) {
    super(message);
    this.name = "AuthorizationError";
  }
}

/** Throws unless the actor holds the permission in that organization; returns their membership. */
export function requirePermission(actor: Actor | null, permission: Permission, organizationId: string): ActorMembership {
  if (!actor) throw new AuthorizationError("unauthenticated");
  if (!hasPermission(actor, permission, organizationId)) throw new AuthorizationError("forbidden");
  return actor.memberships.find((m) => m.organizationId === organizationId) as ActorMembership;
}

/** Who may act, once the permission map said so: never null, with the organization they act for. */
export interface Authorized {
  actor: Actor;
  membership: ActorMembership;
}

/**
 * The actor and their organization of the permission's kind (the given one, or their first),
 * narrowed to non-null once they hold the permission there; throws AuthorizationError otherwise.
 */
export function requireMembership(actor: Actor | null, permission: Permission, organizationId?: string): Authorized {
  if (!actor) throw new AuthorizationError("unauthenticated");
  const membership = organizationId === undefined ? primaryMembership(actor, PERMISSIONS[permission].kind) : actor.memberships.find((m) => m.organizationId === organizationId);
  if (!membership || !hasPermission(actor, permission, membership.organizationId)) throw new AuthorizationError("forbidden");
  return { actor, membership };
}

/** The organization of the given kind the actor works in (the first, for people in several). */
export function primaryMembership(actor: Actor | null, kind: "customer" | "partner"): ActorMembership | undefined {
  return actor?.memberships.find((m) => m.kind === kind);
}

/** Where a signed-in person lands: their admin center or partner portal (none without a membership). */
export function homePathFor(actor: Actor): string | null {
  const first = actor.memberships[0];
  if (!first) return null;
  return first.kind === "partner" ? "/partner" : "/admin";
}
