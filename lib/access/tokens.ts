import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Db, DbOrTx } from "@/db/client";
import { accessAssignments, activations, issuedTokens, memberships, organizations, personBlocks, relationships, roleGrants, securityGroupMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { requireMembership, type Actor } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { isUuid } from "@/lib/ids";
import { isGrantActive } from "@/lib/relationships/rules";
import { roleNamesByPrivilege, sortByPrivilege } from "@/lib/roles";
import { currentSigningKey, publishedKeys, TOKEN_ALG } from "./keys";

/*
 * Signed access tokens: what a partner's person may do in one customer, right now, as a JWT any service
 * can check offline (the keys at /.well-known/jwks.json) or ask about (introspection, RFC 7662, which
 * answers from the grants in force at that moment). The roles are exactly
 *   (standing grants ∪ the person's activations in force) ∩ (the roles their security groups are assigned there),
 * and none for a person the customer blocked or the partner deactivated.
 */

export const TOKEN_LIFETIME_SECONDS = 600;

export function tokenIssuer(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return appUrl(env);
}

/** What resource servers expect in `aud`: TOKEN_AUDIENCE, or "partnerships-resources". */
export function tokenAudience(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.TOKEN_AUDIENCE || "partnerships-resources";
}

export interface PersonAccess {
  roles: string[];
  customerOrganizationId: string;
  partnerOrganizationId: string;
}

/**
 * The roles a person holds in a relationship's customer now. Read with the relationship row locked for
 * share: a removal (which locks it for update) commits before or after, never in between.
 */
export async function personAccess(db: DbOrTx, userId: string, relationshipId: string, now = new Date(), lock = false): Promise<PersonAccess | undefined> {
  const query = db
    .select({ customerOrganizationId: relationships.customerOrganizationId, partnerOrganizationId: relationships.partnerOrganizationId })
    .from(relationships)
    .where(eq(relationships.id, relationshipId));
  const [relationship] = lock ? await query.for("share") : await query;
  if (!relationship) return undefined;
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, relationship.partnerOrganizationId), isNull(memberships.deactivatedAt)));
  const [blocked] = await db
    .select({ userId: personBlocks.userId })
    .from(personBlocks)
    .where(and(eq(personBlocks.customerOrganizationId, relationship.customerOrganizationId), eq(personBlocks.userId, userId)));
  if (!member || blocked) return { ...relationship, roles: [] };
  const [grants, assigned, activated] = await Promise.all([
    db.select().from(roleGrants).where(and(eq(roleGrants.relationshipId, relationshipId), isNull(roleGrants.endedAt))),
    db
      .select({ roles: accessAssignments.roles })
      .from(accessAssignments)
      .innerJoin(securityGroupMembers, eq(securityGroupMembers.groupId, accessAssignments.groupId))
      .where(and(eq(accessAssignments.relationshipId, relationshipId), isNull(accessAssignments.deletedAt), eq(securityGroupMembers.userId, userId))),
    db
      .select({ roleId: activations.roleId })
      .from(activations)
      .where(
        and(
          eq(activations.relationshipId, relationshipId),
          eq(activations.userId, userId),
          eq(activations.status, "active"),
          lte(activations.startsAt, now),
          gt(activations.endsAt, now),
        ),
      ),
  ]);
  // Standing grants, and eligible ones only while this person's activation of them is in force.
  const live = new Set(activated.map((a) => a.roleId));
  const granted = new Set(grants.filter((g) => isGrantActive(g, now) && (!g.eligible || live.has(g.roleId))).map((g) => g.roleId));
  const roles = [...new Set(assigned.flatMap((a) => a.roles))].filter((role) => granted.has(role));
  return { ...relationship, roles: sortByPrivilege(roles).map((role) => role.id) };
}

export const NO_ACCESS = "You have no access to this customer.";

export type TokenOutcome =
  | { ok: true; token: string; expiresIn: number; roles: string[]; expiresAt: Date }
  | { ok: false; code: "no_access" | "invalid"; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Issues a token for one customer (by relationship) to the signed-in person. A customer they have no role
 * in gets the same refusal as one that does not exist: nothing says which customers there are.
 */
export async function issueToken(db: Db, actor: Actor | null, input: { relationshipId: string; reason: string }, now = new Date()): Promise<TokenOutcome> {
  const by = requireMembership(actor, "tokens.request");
  const refused = { ok: false, code: "no_access", message: NO_ACCESS } as const;
  if (!isUuid(input.relationshipId)) return refused;
  return db.transaction(async (tx): Promise<TokenOutcome> => {
    const access = await personAccess(tx, by.actor.userId, input.relationshipId, now, true);
    if (!access || access.partnerOrganizationId !== by.membership.organizationId || access.roles.length === 0) return refused;
    const { kid, key } = await currentSigningKey(tx, now);
    const jti = randomUUID();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({
      roles: access.roles,
      customer_id: access.customerOrganizationId,
      partner_id: access.partnerOrganizationId,
      relationship_id: input.relationshipId,
      email: by.actor.email,
    })
      .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: "at+jwt" })
      .setIssuer(tokenIssuer())
      .setAudience(tokenAudience())
      .setSubject(by.actor.userId)
      .setJti(jti)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(key);
    const expiresAt = new Date((issuedAt + TOKEN_LIFETIME_SECONDS) * 1000);
    await tx.insert(issuedTokens).values({ jti, userId: by.actor.userId, relationshipId: input.relationshipId, roles: access.roles, reason: input.reason, issuedAt: now, expiresAt });
    const [partner] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, access.partnerOrganizationId));
    await recordAudit(tx, {
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      organizationId: access.customerOrganizationId,
      counterpartyOrganizationId: access.partnerOrganizationId,
      action: "token.issued",
      targetType: "relationship",
      targetId: input.relationshipId,
      details: {
        person: by.actor.name ?? by.actor.email,
        partner: partner?.name ?? "",
        roles: roleNamesByPrivilege(access.roles),
        minutes: TOKEN_LIFETIME_SECONDS / 60,
        reason: input.reason,
      },
    });
    return { ok: true, token, expiresIn: TOKEN_LIFETIME_SECONDS, roles: access.roles, expiresAt };
  });
}

/** RFC 7662's answer: `active: false` and nothing else, or the token's claims while every role it carries still holds. */
export type Introspection = { active: false } | ({ active: true; scope: string; token_type: "Bearer"; client_id: string } & JWTPayload);

/**
 * Whether a token is in force now: signed by one of our keys with ES256, for our issuer and audience,
 * not expired, issued by us (its jti), and every role it carries still held by its person in its
 * customer (the grant, the relationship, the person, the group assignment and no block all still hold).
 */
export async function introspectToken(db: DbOrTx, token: string, now = new Date()): Promise<Introspection> {
  if (token.length > 8192) return { active: false };
  let payload: JWTPayload;
  try {
    const jwks = createLocalJWKSet(await publishedKeys(db, now));
    ({ payload } = await jwtVerify(token, jwks, { issuer: tokenIssuer(), audience: tokenAudience(), algorithms: [TOKEN_ALG], currentDate: now }));
  } catch {
    return { active: false };
  }
  if (typeof payload.jti !== "string" || !isUuid(payload.jti) || typeof payload.sub !== "string") return { active: false };
  const [issued] = await db.select().from(issuedTokens).where(eq(issuedTokens.jti, payload.jti));
  if (!issued || issued.userId !== payload.sub || issued.expiresAt.getTime() <= now.getTime()) return { active: false };
  const access = await personAccess(db, issued.userId, issued.relationshipId, now);
  if (!access || !issued.roles.every((role) => access.roles.includes(role))) return { active: false };
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, issued.userId));
  return { ...payload, active: true, scope: issued.roles.join(" "), token_type: "Bearer", client_id: "partnerships", username: user?.email ?? undefined };
}

