/**
 * Hostile addresses: property-based tests over every page that reads its query string or a dynamic
 * path segment. Each page is called as Next.js calls it (its params and searchParams as promises,
 * the framework edges mocked by the action harness, the real database below) and what it returns is
 * rendered to HTML. Whatever the address holds (NUL, lone surrogates, 10 kB values, SQL and markup,
 * percent-garbage, a key given several times, names such as `__proto__`), the page renders,
 * redirects within this site, or is not found: never an error, which would be a 500. The route
 * handlers that read their address answer below 500 alike.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emailOutbox, memberships, organizationDomains, roleTemplates, users as usersTable } from "@/db/schema";
import { saveRoleTemplate } from "@/lib/relationships/templates";
import { actorFor } from "../support/actors";
import { capture, harness, loadApp, unloadApp, type Outcome } from "../support/action-harness";
import { acceptedRelationship, contactRequestToFabrikam, freshDatabase, pendingInvitation, userIdOf } from "../support/fixtures";

const NUM_RUNS = Number(process.env.HOSTILE_RUNS ?? 30);
const ROOT = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://localhost:3000";

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const PAYLOADS = [
  "\u0000",
  "a\u0000",
  "\u0000a",
  "fabrikam-partners\u0000",
  "\ud800",
  "\udfff",
  "x\udfffy",
  "\ud83d",
  "'; drop table partner_profiles; --",
  "' OR '1'='1",
  "1); select pg_sleep(10); --",
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "//evil.example",
  "/.//evil.example/phish",
  "\\\\evil.example",
  "../../../../etc/passwd",
  "..",
  "%",
  "%zz",
  "%00",
  "%ED%A0%80",
  "%E0%A4%A",
  "%%32%65",
  "%25%30%30",
  "\r\nSet-Cookie: a=b",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "NaN",
  "-1",
  "1e309",
  "99999999999999999999",
  "0x10",
  "[object Object]",
  "\u202eeulav\u202c",
  "\u200b\ufeff",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Z̴̡̛a̷l̸g̵o̶",
  " ",
  "",
  "00000000-0000-0000-0000-000000000000",
  "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\ud800", "\udc00", "%", "/", "\\", ".", "'", "<", "é"), minLength: 1, maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "é", "😀", "\u0000", "%", "-"), fc.integer({ min: 1_000, max: 10_000 }))
      .map(([c, n]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
  },
);

type Refs = Record<string, string>;
/** A value as the page would see it for a fixture's id, resolved once the fixture exists. */
const ref = (name: string) => `$ref:${name}`;
const resolve = (value: string, refs: Refs) => (value.startsWith("$ref:") ? (refs[value.slice(5)] ?? value) : value);

/** One value of a segment or query key: a usable one, a hostile one, or a usable one with hostile text glued on. */
function valueOf(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...valid), hostileString, fc.boolean()).map(([v, h, before]) => (before ? h + v : v + h)) },
  );
}

type Query = Record<string, string | string[] | undefined>;

/** A query string as Next.js hands it over: each known key absent, once or repeated, and stray keys. */
function queryOf(keys: Record<string, readonly string[]>): fc.Arbitrary<Query> {
  const known = Object.entries(keys).map(([key, valid]) =>
    fc.oneof(
      fc.constant<[string, string | string[]] | null>(null),
      valueOf(valid).map((v): [string, string] => [key, v]),
      fc.array(valueOf(valid), { minLength: 2, maxLength: 3 }).map((vs): [string, string[]] => [key, vs]),
    ),
  );
  const stray = fc.array(fc.tuple(hostileString, hostileString), { maxLength: 2 });
  return fc.tuple(fc.tuple(...known), stray).map(([entries, extra]) =>
    // As Next.js builds it: own properties, so "__proto__" is a key like any other.
    Object.fromEntries([...extra, ...entries.filter((e) => e !== null)]),
  );
}

// ---------------------------------------------------------------------------------------------
// The pages
// ---------------------------------------------------------------------------------------------

interface PageModule {
  default: (props: { params: Promise<Record<string, string>>; searchParams: Promise<Query> }) => Promise<ReactNode>;
  generateMetadata?: (props: { params: Promise<Record<string, string>>; searchParams: Promise<Query> }) => Promise<unknown>;
}

interface PageTarget {
  /** Who opens it: nobody, and whoever reaches its data (a signed-in page's own users). */
  actors: (string | null)[];
  segments?: Record<string, readonly string[]>;
  query?: Record<string, readonly string[]>;
  /** Known-nasty addresses every run tries first. */
  examples?: { segments?: Record<string, string>; query?: Query }[];
}

const DIRECTORY_QUERY = {
  location: ["US", "gb", "XX"],
  city: ["Seattle", "london"],
  size: ["50-249", "10000+"],
  q: ["security", "sharep", "microsoft 365 migration"],
  page: ["2", "1"],
  sel: ["fabrikam-partners", "adatum-consulting"],
};
const ACTIVITY_QUERY = { type: ["gdap", "reseller"], kind: ["invitations", "requests"], from: ["2026-01-01"], to: ["2026-12-31", "2025-01-01"], page: ["2", "1"] };
/** A role template of Fabrikam's, for the invitation form that starts from one. */
async function templateOf(db: Db): Promise<string> {
  await saveRoleTemplate(db, await actorFor(db, "agent@fabrikam.example"), { name: "Helpdesk", roles: ["helpdesk_admin"], tasks: ["reset_passwords"] });
  return (await db.select({ id: roleTemplates.id }).from(roleTemplates))[0]!.id;
}

const CUSTOMER = "admin@contoso.example";
const AGENT = "agent@fabrikam.example";

/** Every page that reads its query or a path segment, by file; a page missing here fails the suite. */
const PAGES: Record<string, PageTarget> = {
  "app/(public)/partners/page.tsx": {
    actors: [null],
    query: DIRECTORY_QUERY,
    examples: [{ query: { city: "a\u0000" } }, { query: { q: "a\u0000b", location: "US\u0000" } }, { query: { city: "\ud800", size: ["1-9", "\u0000"] } }],
  },
  "app/(public)/partners/[slug]/page.tsx": {
    actors: [null],
    segments: { slug: ["fabrikam-partners", "adatum-consulting"] },
    examples: [{ segments: { slug: "fabrikam-partners\u0000" } }, { segments: { slug: "x\ud800" } }],
  },
  "app/(public)/partners/contact/page.tsx": { actors: [null], query: DIRECTORY_QUERY, examples: [{ query: { sel: ["fabrikam-partners", "a\u0000"], city: "a\u0000" } }] },
  "app/(public)/partners/contact/sent/[id]/page.tsx": { actors: [null], segments: { id: [ref("requestId")] } },
  "app/(auth)/signin/page.tsx": {
    actors: [null, CUSTOMER],
    query: { callbackUrl: ["/admin", "/signin?callbackUrl=%2F.%2F%2Fevil.example%2Fphish", "/.//evil.example/phish", "/partners?city=a%00"] },
    examples: [{ query: { callbackUrl: "/.//evil.example/phish" } }, { query: { callbackUrl: "/x/..//evil.example" } }],
  },
  "app/(auth)/signin/error/page.tsx": { actors: [null], query: { error: ["Verification", "AccessDenied"] }, examples: [{ query: { error: "__proto__" } }] },
  "app/admin/invitations/[token]/page.tsx": { actors: [null, CUSTOMER], segments: { token: [ref("token")] } },
  "app/admin/invitations/[token]/cancel/page.tsx": { actors: [null, CUSTOMER], segments: { token: [ref("token")] } },
  "app/admin/settings/partner-relationships/page.tsx": {
    actors: [null, CUSTOMER],
    query: {
      q: ["fab", "Fabrikam"],
      type: ["gdap", "reseller"],
      status: ["active", "expired"],
      sort: ["roles", "since"],
      dir: ["desc"],
      page: ["2"],
      accepted: [ref("relationshipId")],
      agreement: ["accepted"],
    },
  },
  "app/admin/invitations/page.tsx": { actors: [null, CUSTOMER], query: { page: ["2", "0", "1e309", "-1"] } },
  "app/partner/customers/page.tsx": {
    actors: [null, AGENT],
    query: { q: ["con", "Contoso", "%_\\"], type: ["gdap", "owner"], status: ["expiring", "pending"], sort: ["gdap", "since", "partner"], dir: ["desc", "up"], page: ["2", "99999"] },
  },
  "app/admin/settings/partner-relationships/[id]/page.tsx": {
    actors: [null, CUSTOMER],
    segments: { id: [ref("relationshipId")] },
    query: { done: ["roles_removed", "nothing"], error: ["forbidden", "not_found"] },
    examples: [{ segments: { id: ref("relationshipId") }, query: { done: "__proto__", error: "constructor" } }],
  },
  "app/admin/settings/partner-relationships/[id]/remove-roles/page.tsx": { actors: [null, CUSTOMER], segments: { id: [ref("relationshipId")] } },
  "app/admin/settings/domains/page.tsx": {
    actors: [null, CUSTOMER],
    query: { added: [ref("domainId")], verified: [ref("domainId")], removed: ["1"] },
    examples: [{ query: { added: "__proto__", verified: ["x", "y"], removed: "\u0000" } }],
  },
  "app/dev/mailbox/[id]/page.tsx": { actors: [null], segments: { id: [ref("messageId")] } },
  "app/partner/requests/page.tsx": {
    actors: [null, AGENT],
    query: { status: ["new", "replied", "declined"], q: ["contoso", "%", "_"], sort: ["oldest"], page: ["2", "99999"], done: ["declined"], error: ["forbidden"] },
  },
  "app/partner/requests/[id]/decline/page.tsx": { actors: [null, AGENT], segments: { id: [ref("recipientId")] } },
  "app/partner/customers/[id]/page.tsx": {
    actors: [null, AGENT],
    segments: { id: [ref("fabrikamRelationshipId")] },
    query: { done: ["gdap_ended", "nothing"], error: ["forbidden", "not_found"] },
    examples: [{ segments: { id: ref("relationshipId") } }, { segments: { id: ref("fabrikamRelationshipId") }, query: { done: "__proto__" } }],
  },
  "app/partner/customers/[id]/end-gdap/page.tsx": { actors: [null, AGENT], segments: { id: [ref("fabrikamRelationshipId")] } },
  "app/admin/settings/partner-relationships/[id]/end/page.tsx": { actors: [null, CUSTOMER], segments: { id: [ref("relationshipId")] } },
  "app/admin/settings/users/page.tsx": { actors: [null, CUSTOMER], query: { done: ["invited", "roles_saved", "nothing"] }, examples: [{ query: { done: "__proto__" } }] },
  "app/admin/settings/users/[membershipId]/page.tsx": { actors: [null, CUSTOMER], segments: { membershipId: [ref("membershipId")] } },
  "app/partner/team/page.tsx": { actors: [null, AGENT], query: { done: ["person_added", "group_created"], error: ["forbidden", "self"] } },
  "app/partner/templates/page.tsx": { actors: [null, AGENT], query: { done: ["saved", "deleted"], error: ["forbidden", "not_found"] } },
  "app/admin/activity/page.tsx": { actors: [null, CUSTOMER], query: ACTIVITY_QUERY, examples: [{ query: { from: "2026-02-30", to: "\u0000" } }] },
  "app/partner/activity/page.tsx": { actors: [null, AGENT], query: ACTIVITY_QUERY, examples: [{ query: { kind: "__proto__", page: "1e309" } }] },
  "app/partner/invitations/page.tsx": {
    actors: [null, AGENT],
    query: { status: ["pending", "accepted", "expired"], q: ["contoso", "%", "\\"], sort: ["oldest", "expires"], page: ["2", "99999"] },
    examples: [{ query: { q: "😀".repeat(200), page: "1e309", sort: "__proto__" } }],
  },
  "app/partner/invitations/[id]/cancel/page.tsx": { actors: [null, AGENT], segments: { id: [ref("invitationId")] } },
  "app/partner/invitations/new/page.tsx": {
    actors: [null, AGENT],
    query: { request: [ref("recipientId")], template: [ref("templateId")] },
    examples: [{ query: { request: ["\u0000", "x"], template: "__proto__" } }],
  },
  "app/partner/invitations/[id]/page.tsx": {
    actors: [null, AGENT],
    segments: { id: [ref("invitationId")] },
    query: { sent: ["1"], done: ["resent", "cancelled"], error: ["not_found", "rate_limited"] },
    examples: [{ segments: { id: ref("invitationId") }, query: { done: "__proto__", error: "__proto__" } }],
  },
};

/** app/**\/page.tsx files that read searchParams or params, the way the pages themselves name them. */
function pagesTakingParameters(): string[] {
  return (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
    .map((file) => path.join("app", file))
    .filter((file) => /(^|\/)page\.tsx$/.test(file))
    .filter((file) => /\[[^\]]+\]/.test(file) || /\b(searchParams|params)\b/.test(readFileSync(path.join(ROOT, file), "utf8")))
    .sort();
}

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every route handler that reads its address (Auth.js's own handler is Auth.js's; the sweep reads a header only). */
const ROUTES: Record<string, PageTarget> = {
  "app/admin/settings/partner-relationships/export/route.ts": { actors: [null, CUSTOMER], query: { q: ["fab"], type: ["gdap"], status: ["active"], sort: ["since"], dir: ["desc"] } },
  "app/admin/activity/export/route.ts": { actors: [null, CUSTOMER], query: ACTIVITY_QUERY },
  "app/partner/activity/export/route.ts": { actors: [null, AGENT], query: ACTIVITY_QUERY },
  "app/dev/mailbox/[id]/raw/route.ts": { actors: [null], segments: { id: [ref("messageId")] }, examples: [{ segments: { id: "a\u0000" } }] },
};

function routesTakingParameters(): string[] {
  return (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
    .map((file) => path.join("app", file))
    .filter((file) => /(^|\/)route\.ts$/.test(file) && !file.includes("[...nextauth]"))
    .filter((file) => /\[[^\]]+\]/.test(file) || /\b(searchParams|params)\b/.test(readFileSync(path.join(ROOT, file), "utf8")))
    .sort();
}

/** The request a browser would send for these segments and query, to the handler's own address. */
function requestFor(file: string, segments: Record<string, string>, query: Query): Request {
  const route = path.dirname(file).slice("app".length).replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent((segments[name] ?? "").toWellFormed()));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  return new Request(`${ORIGIN}${route}?${search}`);
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "threw") {
    const error = outcome.error as Error & { cause?: unknown };
    return `threw ${error?.stack ?? String(error)}${error?.cause ? `\ncaused by ${String(error.cause)}` : ""}`;
  }
  return outcome.kind === "redirect" ? `redirected to ${outcome.url.slice(0, 300)}` : outcome.kind;
}

/** Calls the page (and its metadata) as Next.js would and renders what it returns. */
async function open(page: PageModule, segments: Record<string, string>, query: Query): Promise<Outcome> {
  const props = () => ({ params: Promise.resolve({ ...segments }), searchParams: Promise.resolve({ ...query }) });
  const metadata = page.generateMetadata ? await capture(() => page.generateMetadata!(props())) : null;
  if (metadata && metadata.kind !== "returned") return metadata;
  return capture(async () => renderToString(await page.default(props())));
}

describe("hostile addresses of every page", () => {
  let db: Db;
  let refs: Refs;
  const users = new Map<string, string>();

  beforeAll(async () => {
    await loadApp();
    db = await freshDatabase();
    const invitation = await pendingInvitation(db);
    const request = await contactRequestToFabrikam(db);
    const [message] = await db.select({ id: emailOutbox.id }).from(emailOutbox).limit(1);
    const [domain] = await db.select({ id: organizationDomains.id }).from(organizationDomains).where(eq(organizationDomains.domain, "contoso.example"));
    refs = {
      token: invitation.token,
      invitationId: invitation.invitation.id,
      relationshipId: await acceptedRelationship(db, {}, "agent@adatum.example"),
      fabrikamRelationshipId: await acceptedRelationship(db, { type: "reseller" }, "sales@fabrikam.example"),
      requestId: request.requestId,
      recipientId: request.recipientId,
      messageId: message!.id,
      domainId: domain!.id,
      membershipId: (await db.select({ id: memberships.id }).from(memberships).innerJoin(usersTable, eq(usersTable.id, memberships.userId)).where(eq(usersTable.email, "user@contoso.example")))[0]!.id,
      templateId: await templateOf(db),
    };
    for (const email of [CUSTOMER, AGENT]) users.set(email, await userIdOf(db, email));
  }, 60_000);

  afterAll(() => {
    unloadApp();
  });

  it("knows every page that reads its address", () => {
    expect(Object.keys(PAGES).sort()).toEqual(pagesTakingParameters());
  });

  it("knows every route handler that reads its address", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routesTakingParameters());
  });

  it.each(Object.entries(ROUTES))("%s: answers below 500 whatever its address holds", async (file, target) => {
    const { GET } = (await import(/* @vite-ignore */ path.join(ROOT, file))) as { GET: RouteHandler };
    const segments = fc.record(Object.fromEntries(Object.entries(target.segments ?? {}).map(([name, valid]) => [name, valueOf(valid)])));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...target.actors), segments, target.query ? queryOf(target.query) : fc.constant<Query>({}), async (actor, rawSegments, query) => {
        harness.reset(actor ? users.get(actor)! : null);
        const resolved = Object.fromEntries(Object.entries(rawSegments).map(([k, v]) => [k, resolve(v, refs)]));
        const outcome = await capture(() => GET(requestFor(file, resolved, query), { params: Promise.resolve(resolved) }));
        expect(outcome.kind, `${file}: ${describeOutcome(outcome)}`).toBe("returned");
        expect(((outcome as { value: Response }).value).status).toBeLessThan(500);
      }),
      { numRuns: NUM_RUNS, examples: (target.examples ?? []).map((e) => [target.actors[0]!, e.segments ?? {}, e.query ?? {}] as [string | null, Record<string, string>, Query]) },
    );
  }, 120_000);

  it.each(Object.entries(PAGES))("%s: its usable address renders for its users", async (file, target) => {
    const page = (await import(/* @vite-ignore */ path.join(ROOT, file))) as PageModule;
    const actor = target.actors.at(-1) ?? null;
    harness.reset(actor ? users.get(actor)! : null);
    const segments = Object.fromEntries(Object.entries(target.segments ?? {}).map(([name, valid]) => [name, resolve(valid[0]!, refs)]));
    const outcome = await open(page, segments, {});
    // Signed in, the sign-in page sends its visitor on; every other page shows what its address names.
    expect(outcome.kind, describeOutcome(outcome)).toBe(file === "app/(auth)/signin/page.tsx" ? "redirect" : "returned");
  });

  it.each(Object.entries(PAGES))("%s: renders, redirects within the site or is not found, whatever its address holds", async (file, target) => {
    const page = (await import(/* @vite-ignore */ path.join(ROOT, file))) as PageModule;
    const segments = fc.record(Object.fromEntries(Object.entries(target.segments ?? {}).map(([name, valid]) => [name, valueOf(valid)])));
    const query = target.query ? queryOf(target.query) : fc.constant<Query>({});
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...target.actors), segments, query, async (actor, rawSegments, rawQuery) => {
        harness.reset(actor ? users.get(actor)! : null);
        const resolved = Object.fromEntries(Object.entries(rawSegments).map(([k, v]) => [k, resolve(v, refs)]));
        const resolvedQuery = Object.fromEntries(
          Object.entries(rawQuery).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => resolve(x, refs)) : v === undefined ? v : resolve(v, refs)]),
        );
        const outcome = await open(page, resolved, resolvedQuery);
        expect(outcome.kind, `${file} as ${actor ?? "anonymous"}: ${describeOutcome(outcome)}`).not.toBe("threw");
        if (outcome.kind === "redirect") {
          // Within this site, and nothing a browser would read as a new header or a script.
          expect(outcome.url).toMatch(/^\/[\x21-\x7e]*$/);
          expect(new URL(outcome.url, `${ORIGIN}/here`).origin).toBe(ORIGIN);
        }
      }),
      {
        numRuns: NUM_RUNS,
        examples: (target.examples ?? []).flatMap((e) =>
          target.actors.map((actor): [string | null, Record<string, string>, Query] => [
            actor,
            { ...Object.fromEntries(Object.entries(target.segments ?? {}).map(([name, valid]) => [name, valid[0]!])), ...e.segments },
            e.query ?? {},
          ]),
        ),
      },
    );
  }, 120_000);
});
