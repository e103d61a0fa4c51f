import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { createLocalJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { queryRows, type Db, type DbOrTx } from "@/db/client";
import { accessAssignments, activations, issuedTokens, memberships, personBlocks, relationships, roleGrants, securityGroupMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { requireMembership, type Actor } from "@/lib/authz";
import { appUrl } from "@/lib/email/config";
import { isUuid } from "@/lib/ids";
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
  partnerName: string;
}

/**
 * The roles a person holds in a relationship's customer now, in one statement: the grants in force
 * (standing, or eligible with this person's activation in force) that one of the person's groups is
 * assigned there; none when the customer blocked them or they are not an active member of the partner.
 * With `lock`, the relationship row is locked for share: a removal (which locks it for update) commits
 * before or after, never in between.
 */
export async function personAccess(db: DbOrTx, userId: string, relationshipId: string, now = new Date(), lock = false): Promise<PersonAccess | undefined> {
  const [row] = await queryRows<AccessRow>(db, sql`
    select ${accessColumns(sql`${userId}`, now)}
    from ${relationships} r where r.id = ${relationshipId}
    ${lock ? sql`for share of r` : sql``}`);
  return row ? accessOf(row) : undefined;
}

interface AccessRow {
  customer_organization_id: string;
  partner_organization_id: string;
  partner_name: string;
  member: boolean;
  blocked: boolean;
  roles: string[] | string;
}

/**
 * The columns of a person's access through the relationship `r`: the organizations, whether the person
 * is an active member of the partner and blocked by the customer, and the roles they hold there now (the
 * grants in force, standing or eligible with their activation in force, that one of their groups is assigned).
 */
function accessColumns(userId: SQL, now: Date): SQL {
  return sql`r.customer_organization_id, r.partner_organization_id, r.partner_name,
      exists (select 1 from ${memberships} m where m.user_id = ${userId} and m.organization_id = r.partner_organization_id and m.deactivated_at is null) as member,
      exists (select 1 from ${personBlocks} b where b.customer_organization_id = r.customer_organization_id and b.user_id = ${userId}) as blocked,
      coalesce((
        select array_agg(distinct g.role_id) from ${roleGrants} g
        where g.relationship_id = r.id and g.ended_at is null and (g.expires_at is null or g.expires_at > ${now})
          and (not g.eligible or exists (
            select 1 from ${activations} a
            where a.relationship_id = r.id and a.user_id = ${userId} and a.role_id = g.role_id and a.status = 'active' and a.starts_at <= ${now} and a.ends_at > ${now}))
          and exists (
            select 1 from ${accessAssignments} aa join ${securityGroupMembers} sm on sm.group_id = aa.group_id
            where aa.relationship_id = r.id and aa.deleted_at is null and sm.user_id = ${userId} and g.role_id = any (aa.roles))
      ), '{}') as roles`;
}

function accessOf(row: AccessRow): PersonAccess {
  const roles = typeof row.roles === "string" ? parsePgArray(row.roles) : row.roles;
  return {
    customerOrganizationId: row.customer_organization_id,
    partnerOrganizationId: row.partner_organization_id,
    partnerName: row.partner_name,
    roles: row.member && !row.blocked ? sortByPrivilege(roles).map((role) => role.id) : [],
  };
}

/** A text[] as some drivers return it ("{a,b}"); role ids need no quoting. */
function parsePgArray(value: string): string[] {
  const inner = value.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((v) => v.replace(/^"|"$/g, "")) : [];
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
        partner: access.partnerName,
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
    ({ payload } = await verifyAccessToken(db, token, now));
  } catch {
    return { active: false };
  }
  if (typeof payload.jti !== "string" || !isUuid(payload.jti) || typeof payload.sub !== "string") return { active: false };
  // The token as issued, and its person's access now, in one statement.
  const [row] = await queryRows<AccessRow & { user_id: string; token_roles: string[] | string; expires_at: Date | string }>(
    db,
    sql`select t.user_id, t.roles as token_roles, t.expires_at, ${accessColumns(sql`t.user_id`, now)}
      from ${issuedTokens} t join ${relationships} r on r.id = t.relationship_id
      where t.jti = ${payload.jti}`,
  );
  if (!row || row.user_id !== payload.sub || new Date(row.expires_at).getTime() <= now.getTime()) return { active: false };
  const tokenRoles = typeof row.token_roles === "string" ? parsePgArray(row.token_roles) : row.token_roles;
  const access = accessOf(row);
  if (!tokenRoles.every((role) => access.roles.includes(role))) return { active: false };
  return { ...payload, active: true, scope: tokenRoles.join(" "), token_type: "Bearer", client_id: "partnerships", username: typeof payload.email === "string" ? payload.email : undefined };
}


/** The published keys as a verifier, kept a minute; a token signed by a key not in it (a rotation since) reads them again once. */
let verifier: { jwks: ReturnType<typeof createLocalJWKSet>; until: number } | undefined;

async function verifyAccessToken(db: DbOrTx, token: string, now: Date) {
  const options = { issuer: tokenIssuer(), audience: tokenAudience(), algorithms: [TOKEN_ALG], currentDate: now };
  const fresh = async () => {
    verifier = { jwks: createLocalJWKSet(await publishedKeys(db, now)), until: Date.now() + 60_000 };
    return verifier.jwks;
  };
  const jwks = verifier && verifier.until > Date.now() ? verifier.jwks : await fresh();
  try {
    return await jwtVerify(token, jwks, options);
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return jwtVerify(token, await fresh(), options);
    throw error;
  }
}
