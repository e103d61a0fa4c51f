import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db/client";
import { memberships, organizations, sessions, users } from "@/db/schema";
import type { Actor, ActorMembership } from "@/lib/authz";
import { SESSION_COOKIE } from "./paths";

/**
 * Who is signed in, for every request: one indexed query (session ⋈ user ⋈ memberships ⋈
 * organization), shared for a few seconds by the requests of this process.
 *
 * Auth.js keeps the sign-in and sign-out flows (magic link, adapter, cookies); this replaces its
 * per-request read, which cost four queries on a signed-in page (the proxy's and the page's
 * `auth()`, then the user and their memberships) and built Auth.js's whole configuration twice.
 * Its rules are kept: a session past `expires` is deleted and counts for nothing, and `expires`
 * slides forward to now + SESSION_MAX_AGE_SECONDS at most once per SESSION_UPDATE_AGE_SECONDS.
 *
 * The cache: an entry is kept SESSION_CACHE_TTL_MS, so a page and the proxy in front of it, and a
 * burst of requests of one person, read the database once. Every change this process makes
 * forgets what it changes at once: sign-out and any session deletion (the adapter in auth.ts),
 * a session found expired, and membership changes (forgetUserSessions). Another server instance,
 * or a change made outside the app (SQL by an operator), is seen within SESSION_CACHE_TTL_MS: that
 * long a signed-out or removed person may still be served by an instance that read their session
 * just before. The expiry itself is exact: an entry never outlives its session's `expires`.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60;
export const SESSION_CACHE_TTL_MS = 5_000;
/** Bounds the memory: one entry per person active in the last few seconds, far fewer than this. */
const CACHE_MAX_ENTRIES = 10_000;

export interface SignedInSession {
  actor: Actor;
  /** When the session ends unless it is used again (the cookie's expiry too). */
  expires: Date;
}

interface Entry {
  session: SignedInSession;
  checkedAt: number;
}

interface SessionCache {
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<SignedInSession | null>>;
  /** Bumped by every invalidation: a lookup that started before it does not store what it read. */
  epoch: number;
}

// On globalThis: the proxy and the pages may be separate module instances of one process, and
// they must share one cache (and one invalidation).
const globalForSessions = globalThis as unknown as { __partnershipsSessions?: SessionCache };
const cache = (globalForSessions.__partnershipsSessions ??= { entries: new Map(), inflight: new Map(), epoch: 0 });

/** The cache's key: the token's hash, so the raw token is never kept in memory beyond the request. */
function keyOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Whether `expires` is due to slide forward (Auth.js's rule: last written more than the update age ago). */
function dueForUpdate(expires: Date, now: number): boolean {
  return expires.getTime() - SESSION_MAX_AGE_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000 <= now;
}

/** The session and its person with their organizations, in one query by the sessions primary key. */
async function lookUp(token: string, now: Date): Promise<SignedInSession | null> {
  const db = await getDb();
  const rows = await db
    .select({
      expires: sessions.expires,
      userId: users.id,
      email: users.email,
      name: users.name,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      kind: organizations.kind,
      roles: memberships.roles,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    // A deactivated membership (a partner's person, deactivated by its admin agents) counts nowhere.
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), isNull(memberships.deactivatedAt)))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(sessions.sessionToken, token))
    .orderBy(asc(organizations.name), asc(organizations.id));
  const [first] = rows;
  if (!first) return null;
  if (first.expires.getTime() < now.getTime()) {
    await db.delete(sessions).where(eq(sessions.sessionToken, token));
    return null;
  }
  if (!first.email) return null;
  let expires = first.expires;
  if (dueForUpdate(expires, now.getTime())) {
    expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    await db.update(sessions).set({ expires }).where(eq(sessions.sessionToken, token));
  }
  const organizationsOf: ActorMembership[] = [];
  for (const row of rows) {
    if (row.organizationId && row.organizationName && row.kind) {
      organizationsOf.push({ organizationId: row.organizationId, organizationName: row.organizationName, kind: row.kind, roles: row.roles ?? [] });
    }
  }
  return { actor: { userId: first.userId, email: first.email, name: first.name, memberships: organizationsOf }, expires };
}

function store(key: string, session: SignedInSession, checkedAt: number): void {
  if (cache.entries.size >= CACHE_MAX_ENTRIES) {
    // The oldest first: a Map iterates in insertion order.
    const oldest = cache.entries.keys().next().value;
    if (oldest !== undefined) cache.entries.delete(oldest);
  }
  cache.entries.delete(key);
  cache.entries.set(key, { session, checkedAt });
}

/**
 * The signed-in session of a session token, or null (unknown, expired, or a user without an
 * email address). At most one query when not cached (plus, once an hour per session, the write
 * that slides its expiry); concurrent lookups of one token share it.
 */
export function readSession(token: string, now = new Date()): Promise<SignedInSession | null> {
  const key = keyOf(token);
  const at = now.getTime();
  const entry = cache.entries.get(key);
  if (entry && at - entry.checkedAt < SESSION_CACHE_TTL_MS && at >= entry.checkedAt) {
    if (entry.session.expires.getTime() < at) {
      cache.entries.delete(key);
    } else if (!dueForUpdate(entry.session.expires, at)) {
      return Promise.resolve(entry.session);
    }
  }
  const pending = cache.inflight.get(key);
  if (pending) return pending;
  const epoch = cache.epoch;
  const lookup = lookUp(token, now)
    .then((session) => {
      if (cache.epoch === epoch) {
        if (session) store(key, session, at);
        else cache.entries.delete(key);
      }
      return session;
    })
    .finally(() => {
      if (cache.inflight.get(key) === lookup) cache.inflight.delete(key);
    });
  cache.inflight.set(key, lookup);
  return lookup;
}

/**
 * Whether Auth.js uses its `__Secure-` session cookie, which a browser accepts only over https:
 * when AUTH_URL is https, or without AUTH_URL when the request came over https. As Auth.js does,
 * only that one cookie is read then, so a cookie planted over plain http never counts.
 */
export function usesSecureCookie(requestProtocol: string | null | undefined): boolean {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = configured && URL.canParse(configured) ? new URL(configured).protocol : `${requestProtocol ?? "https"}`.replace(/:?$/, ":");
  return protocol === "https:";
}

/** The name of Auth.js's session cookie, given usesSecureCookie. */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The session token a request carries, if any. */
export function sessionTokenFrom(jar: { get(name: string): { value: string } | undefined }, secure: boolean): string | null {
  return jar.get(sessionCookieName(secure))?.value || null;
}

/** The person signed in on the current request, or null. Callers wrap it in React's cache() (getActor). */
export async function currentActor(): Promise<Actor | null> {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  // Auth.js's own reading of the protocol of a server component's request.
  const token = sessionTokenFrom(jar, usesSecureCookie(headerList.get("x-forwarded-proto")));
  if (!token) return null;
  return (await readSession(token))?.actor ?? null;
}

function invalidate(matches: (key: string, entry: Entry) => boolean): void {
  // Lookups in flight may have read the old rows: they store nothing, and later requests don't join them.
  cache.epoch += 1;
  cache.inflight.clear();
  for (const [key, entry] of cache.entries) if (matches(key, entry)) cache.entries.delete(key);
}

/** After a session is deleted or changed (sign-out, Auth.js's own update): the next request reads it again. */
export function forgetSession(token: string): void {
  const key = keyOf(token);
  invalidate((k) => k === key);
}

/**
 * After a person's memberships (or the person) changed: every request of theirs in this process
 * reads them again. Call it once the change is committed.
 */
export function forgetUserSessions(userId: string): void {
  invalidate((_, entry) => entry.session.actor.userId === userId);
}

/** Forget every cached session (tests that empty the database, an operator's bulk change). */
export function forgetAllSessions(): void {
  invalidate(() => true);
}
