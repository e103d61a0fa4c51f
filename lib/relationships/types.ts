import type { RoleId } from "@/lib/roles";
import type { RelationshipType } from "@/db/schema";

export type { RelationshipType };

interface RelationshipTypeInfo {
  id: RelationshipType;
  name: string;
  /** The spec's one-line description, shown beside the choice. */
  description: string;
  /** Roles the type always carries; GDAP's are chosen per request instead. */
  fixedRoles: readonly RoleId[];
  /** Whether the partner picks roles from the catalog (GDAP). */
  choosesRoles: boolean;
  /**
   * Whether only an admin agent may send it: exactly the types that grant an admin role, fixed or
   * chosen. Derived, never written by hand, so a type that carries roles cannot be left open to
   * sales agents.
   */
  requiresAdminAgent: boolean;
}

const TYPES: readonly Omit<RelationshipTypeInfo, "requiresAdminAgent">[] = [
  {
    id: "gdap",
    name: "Granular delegated administrator",
    description: "Manages products and services with only the least-permissive, time-bound roles you approve, never a standing Global administrator.",
    fixedRoles: [],
    choosesRoles: true,
  },
  {
    id: "reseller",
    name: "Reseller",
    description: "Sells products and services to your organization.",
    fixedRoles: [],
    choosesRoles: false,
  },
  {
    id: "delegated_admin",
    name: "Delegated administrator",
    description: "Manages products and services for your organization as a Global administrator of your tenant.",
    fixedRoles: ["global_admin", "helpdesk_admin"],
    choosesRoles: false,
  },
  {
    id: "reseller_delegated_admin",
    name: "Reseller & delegated administrator",
    description: "Sells and manages products and services for your organization.",
    fixedRoles: ["global_admin", "helpdesk_admin"],
    choosesRoles: false,
  },
  {
    id: "partner",
    name: "Partner",
    description: "Gets a user account in your tenant and works with other services on your behalf.",
    fixedRoles: [],
    choosesRoles: false,
  },
  {
    id: "advisor",
    name: "Advisor",
    description: "Resets passwords and handles support incidents for you.",
    fixedRoles: ["helpdesk_admin", "service_support_admin"],
    choosesRoles: false,
  },
  {
    id: "mpsa",
    name: "MPSA partner",
    description: "If you work with several partners through the Products & Services Agreement, you can let them see each other's purchases.",
    fixedRoles: [],
    choosesRoles: false,
  },
  {
    id: "lob",
    name: "Line-of-business (LOB) partner",
    description: "Develops, submits and manages line-of-business apps specific to your organization.",
    fixedRoles: [],
    choosesRoles: false,
  },
];

export const RELATIONSHIP_TYPES: readonly RelationshipTypeInfo[] = TYPES.map((type) => ({
  ...type,
  requiresAdminAgent: type.choosesRoles || type.fixedRoles.length > 0,
}));

const byId = new Map(RELATIONSHIP_TYPES.map((type) => [type.id, type]));

export function relationshipTypeInfo(id: RelationshipType): RelationshipTypeInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`Unknown relationship type: ${id}`);
  return info;
}

export function relationshipTypeName(id: RelationshipType): string {
  return relationshipTypeInfo(id).name;
}

export const GDAP_MIN_DAYS = 1;
export const GDAP_MAX_DAYS = 730;
export const GDAP_DEFAULT_DAYS = 730;
export const GDAP_AUTO_EXTEND_DAYS = 180;
export const INVITATION_LIFETIME_DAYS = 90;

/** Types that exist to carry admin roles: they end when their last role is removed. */
export const ROLE_CARRYING_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) => t.requiresAdminAgent).map((t) => t.id);

/**
 * The types a relationship keeps once every admin role is removed: the others stay, and a
 * Reseller & delegated administrator remains a Reseller.
 */
export function typesAfterRemovingRoles(types: readonly RelationshipType[]): RelationshipType[] {
  const kept = new Set(types.filter((t) => !ROLE_CARRYING_TYPES.includes(t)));
  if (types.includes("reseller_delegated_admin")) kept.add("reseller");
  return RELATIONSHIP_TYPES.map((t) => t.id).filter((id) => kept.has(id));
}
