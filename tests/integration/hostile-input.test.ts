/**
 * Hostile input: property-based tests over every form action that takes user input, called as
 * the actor who IS allowed, so what is exercised is validation and the write path. For any form:
 *  - the action ends normally or with the (mocked) redirect, never with another error (a 500);
 *  - a refusal comes back as a state with a message (or, for the button actions that report by
 *    redirect, as an error code in a well-formed URL), and changes nothing at all;
 *  - an acceptance leaves complete rows (a contact request always has its recipients, emails
 *    and audit event; an invitation its email and audit event; and so on).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessAssignments, activations, issuedTokens } from "@/db/schema";
import { changeRequests, contactRequestRecipients, contactRequests, emailOutbox, invitationAcceptances, invitations, memberships, relationshipTypes, relationships, roleGrants, roleTemplates, users } from "@/db/schema";
import { getContactConfirmation, getPartnerRequest } from "@/lib/contact-requests/queries";
import { renderEmail } from "@/lib/email/send";
import { getMailboxMessage } from "@/lib/email/mailbox";
import { getPartnerInvitation } from "@/lib/invitations/queries";
import { getRelationshipDetails } from "@/lib/relationships/queries";
import { DIRECTORY_ROLES } from "@/lib/roles";
import { capture, harness, loadApp, snapshot, unloadApp, type App, type Outcome } from "../support/action-harness";
import { readerOf } from "../support/actors";
import {
  acceptedRelationship,
  changeRequested,
  technicianSetup,
  jitSetup,
  contactRequestTo,
  contactRequestToFabrikam,
  freshDatabase,
  organizationIdOf,
  pendingInvitation,
  userIdOf,
} from "../support/fixtures";

const NUM_RUNS = Number(process.env.HOSTILE_RUNS ?? 30);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const NEAR_UUIDS = [
  "------------------------------------",
  "000000000000000000000000000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffffff",
  "00000000-0000-0000-0000-00000000000g",
  "00000000-0000-0000-0000-000000000000",
  "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
  "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
];

const PAYLOADS = [
  "'; drop table users; --",
  "' OR '1'='1",
  "1); select pg_sleep(10); --",
  '"); delete from invitations where (""="',
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "../../../../etc/passwd",
  "%00%0d%0aSet-Cookie:%20a=b",
  "\u0000",
  "a\u0000b",
  "\r\nBcc: attacker@evil.example",
  "\u202eeulav\u202c",
  "\u200b\u200c\u200d\u2060\ufeff",
  "👩‍👩‍👧‍👦🏳️‍🌈🇺🇸",
  "مرحبا بالعالم",
  "שָׁלוֹם",
  "𝕳𝖊𝖑𝖑𝖔 Z̴̡̛a̷l̸g̵o̶",
  "\ud800",
  "x\udfffy",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "[object Object]",
  "__proto__",
  "constructor",
  "on",
  "true",
  " ",
  "",
  ...NEAR_UUIDS,
];

const controlChars = fc.constantFrom("\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\r", "\n", "\t", "\u0085", "\u2028", "\u2029");

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: controlChars, minLength: 1, maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "é", "😀", "<", "'", "\u200b", "9"), fc.integer({ min: 1_000, max: 20_000 }))
      .map(([c, n]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
  },
);

type Value = string | File;

/** One form field: what a browser would send (`valid`, which may still be refused, e.g. a duplicate), and what an attacker could. */
interface FieldArbitrary {
  valid: fc.Arbitrary<Value[]>;
  hostile: fc.Arbitrary<Value[]>;
}

/** A single-valued field: hostile means a hostile string, a valid one glued to it, a file, missing, or repeated. */
function field(valid: fc.Arbitrary<string>): FieldArbitrary {
  return {
    valid: valid.map((v) => [v]),
    hostile: fc.oneof(
      { weight: 4, arbitrary: hostileString.map((v) => [v]) },
      { weight: 1, arbitrary: fc.tuple(valid, hostileString, fc.boolean()).map(([v, h, before]) => [before ? h + v : v + h]) },
      { weight: 1, arbitrary: fc.constant<Value[]>([]) },
      { weight: 1, arbitrary: fc.array(fc.oneof(valid, hostileString), { minLength: 2, maxLength: 3 }) },
      { weight: 1, arbitrary: hostileString.map((v) => [new File([v], "payload.txt", { type: "text/plain" })]) },
    ),
  };
}

/** A multi-valued field (checkboxes): a selection, or anything hostile. */
function multiField(options: readonly string[], maxLength = options.length): FieldArbitrary {
  return {
    valid: fc.subarray([...options], { minLength: 1, maxLength }),
    hostile: fc.oneof(
      { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...options), hostileString), { maxLength: 12 }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...options), { minLength: 2, maxLength: 14 }) },
      { weight: 1, arbitrary: fc.constant<Value[]>([]) },
      { weight: 1, arbitrary: hostileString.map((v) => [new File([v], "roles.txt")]) },
    ),
  };
}

/** Values that stand for a fixture's id, replaced when the form is built. */
const ref = (name: string) => fc.constant(`$ref:${name}`);

/** Free text that is valid input however it looks: markup, SQL, scripts in other directions. */
const TEXT_PAYLOADS = [
  "'; drop table users; --",
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  "Robert'); DROP TABLE contact_requests;--",
  "\u202eeulav\u202c mixed עברית and English",
  "zero\u200bwidth\u200djoin\ufeff",
  "👩‍👩‍👧‍👦 emoji 🏳️‍🌈 family",
  "مرحبا بالعالم",
  "Line one\nLine two",
];
const freeText = (plain: string[]) => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...plain) }, { weight: 2, arbitrary: fc.constantFrom(...TEXT_PAYLOADS) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) });

type FieldSpec = Record<string, FieldArbitrary>;

/**
 * A whole form: every field as a browser would send it except a few (none to three) made hostile,
 * so runs reach the write path as well as each validation, plus stray extra fields.
 */
function formArbitrary(spec: FieldSpec) {
  const names = Object.keys(spec);
  return fc.record({
    corrupt: fc.subarray(names, { maxLength: Math.min(3, names.length) }),
    valid: fc.record(Object.fromEntries(names.map((n) => [n, spec[n]!.valid]))),
    hostile: fc.record(Object.fromEntries(names.map((n) => [n, spec[n]!.hostile]))),
    extra: fc.array(fc.tuple(fc.oneof(hostileString, fc.constantFrom("$ACTION_ID_x", "__proto__", "constructor")), hostileString), { maxLength: 2 }),
    order: fc.boolean(),
  });
}

type FormSpec = { corrupt: string[]; valid: Record<string, Value[]>; hostile: Record<string, Value[]>; extra: [string, string][]; order: boolean };

function buildForm(spec: FormSpec, refs: Record<string, string>): FormData {
  const data = new FormData();
  const resolve = (v: Value) => (typeof v === "string" && v.startsWith("$ref:") ? (refs[v.slice(5)] ?? v) : v);
  const names = Object.keys(spec.valid);
  if (spec.order) names.reverse();
  for (const name of names) for (const v of (spec.corrupt.includes(name) ? spec.hostile : spec.valid)[name]!) data.append(name, resolve(v));
  for (const [name, value] of spec.extra) data.append(name, value);
  return data;
}

/** The X-Forwarded-For header an attacker controls (only what a Headers object can carry). */
const forwardedFor = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  hostileString.filter((s) => {
    try {
      new Headers({ "x-forwarded-for": s });
      return true;
    } catch {
      return false;
    }
  }),
);

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

type Snapshot = Awaited<ReturnType<typeof snapshot>>;
type Counts = Snapshot["counts"];

interface Target<F extends Record<string, string> = Record<string, string>> {
  name: string;
  actor: string | null;
  fixture: (db: Db) => Promise<F>;
  spec: FieldSpec;
  /** A bound argument (the invitation token) that a form does not carry; fuzzed too. */
  bound?: fc.Arbitrary<string>;
  invoke: (app: App, form: FormData, fixture: F, bound: string) => Promise<unknown>;
  /** How the action reports: a form state, or an outcome code in a redirect. */
  reports: "state" | "code";
  /** Recognises an accepted call from its outcome. */
  accepted: (outcome: Outcome, fixture: F, bound: string) => boolean;
  /** Known-nasty forms that every run tries first, besides the generated ones. */
  examples?: { fields: Record<string, Value[]>; bound?: string }[];
  /** After an accepted call: the rows it wrote are complete. */
  complete: (c: { db: Db; delta: (table: string) => number; fixture: F; form: FormData; outcome: Outcome; bound: string }) => Promise<void>;
}

function deltaOf(before: Counts, after: Counts) {
  return (table: string) => {
    if (!(table in after)) throw new Error(`No table ${table}`);
    return (after[table] ?? 0) - (before[table] ?? 0);
  };
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "threw") return `threw ${outcome.error instanceof Error ? (outcome.error.stack ?? outcome.error.message) : String(outcome.error)}`;
  if (outcome.kind === "returned") return `returned ${JSON.stringify(outcome.value)?.slice(0, 500)}`;
  return outcome.kind === "redirect" ? `redirected to ${outcome.url.slice(0, 300)}` : "notFound()";
}

/** A refused form state: a message, well-formed field errors, and typed values echoed back bounded. */
function expectRefusedState(value: unknown) {
  const state = value as { ok: unknown; message: unknown; fieldErrors?: Record<string, unknown>; values?: Record<string, unknown> };
  expect(state.ok).toBe(false);
  expect(typeof state.message === "string" && state.message.length > 0, `no message in ${JSON.stringify(state)?.slice(0, 300)}`).toBe(true);
  for (const messages of Object.values(state.fieldErrors ?? {})) {
    if (messages === undefined) continue;
    expect(Array.isArray(messages) && messages.every((m) => typeof m === "string" && m.length > 0)).toBe(true);
  }
  for (const typed of Object.values(state.values ?? {})) expect(typeof typed === "string" && typed.length <= 5000).toBe(true);
}

// Redirects carry fixed paths, encoded ids and outcome codes only: nothing a browser would read as markup or a new header.
const SAFE_URL = /^\/[A-Za-z0-9\-._~!*'()%/?=&]*$/;

type Cached = { db: Db; fixture: Record<string, string>; dirty: boolean };

async function checkProperty<F extends Record<string, string>>(app: App, target: Target<F>, cache: { current?: Cached }) {
  await fc.assert(
    fc.asyncProperty(formArbitrary(target.spec), target.bound ?? fc.constant(""), forwardedFor, async (spec, boundSpec, ip) => {
      if (!cache.current || cache.current.dirty) {
        const db = await freshDatabase();
        cache.current = { db, fixture: await target.fixture(db), dirty: false };
      }
      const { db } = cache.current;
      const fixture = cache.current.fixture as F;
      const bound = boundSpec.startsWith("$ref:") ? (fixture[boundSpec.slice(5)] ?? boundSpec) : boundSpec;
      const data = buildForm(spec, fixture);
      harness.reset(target.actor ? await userIdOf(db, target.actor) : null, ip);

      const before = await snapshot(db);
      const outcome = await capture(() => target.invoke(app, data, fixture, bound));
      const after = await snapshot(db);
      const changed = JSON.stringify(after) !== JSON.stringify(before);
      if (changed) cache.current.dirty = true;

      if (outcome.kind === "threw" || outcome.kind === "notFound") throw new Error(`${target.name} ${describeOutcome(outcome)}`);
      if (outcome.kind === "redirect") expect(outcome.url, "redirect URL").toMatch(SAFE_URL);

      if (target.accepted(outcome, fixture, bound)) {
        cache.current.dirty = true;
        await target.complete({ db, delta: deltaOf(before.counts, after.counts), fixture, form: data, outcome, bound });
        // Whatever was typed, no email subject spans lines (a subject is a mail header).
        for (const mail of await db.select({ subject: emailOutbox.subject }).from(emailOutbox)) expect(mail.subject).not.toMatch(/[\r\n]/);
        return;
      }
      if (target.reports === "state") {
        expect(outcome.kind, `${target.name} neither accepted nor returned a state: ${describeOutcome(outcome)}`).toBe("returned");
        expectRefusedState((outcome as { value: unknown }).value);
      } else {
        expect(outcome.kind === "redirect" && /\?(error=[a-z_]+|done=nothing)$/.test(outcome.url), describeOutcome(outcome)).toBe(true);
      }
      // Refused (or nothing to do): not one row more or less, the audit trail untouched, no delivery started.
      expect(after).toEqual(before);
      expect(harness.kicks).toBe(0);
    }),
    {
      numRuns: NUM_RUNS,
      examples: (target.examples ?? []).map(
        (e): [FormSpec, string, string] => [{ corrupt: [], valid: e.fields, hostile: {}, extra: [], order: false }, e.bound ?? "", "203.0.113.9"],
      ),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The actions
// ---------------------------------------------------------------------------------------------

const ROLE_IDS = DIRECTORY_ROLES.map((r) => r.id);
const RELATIONSHIP_TYPES = ["gdap", "reseller", "delegated_admin", "reseller_delegated_admin", "partner", "advisor", "mpsa", "lob"];
async function membershipIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: memberships.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, email));
  return row!.id;
}

/** A day as a date field sends it, from `min` to `max` days from today. */
const dayFromToday = (min: number, max: number) => fc.integer({ min, max }).map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));
const redirectedTo = (outcome: Outcome, pattern: RegExp) => outcome.kind === "redirect" && pattern.test(outcome.url);
const doneCode = (outcome: Outcome) => (outcome.kind === "redirect" ? /\?done=([a-z_]+)$/.exec(outcome.url)?.[1] : undefined);
const relationshipUrl = (id: string, query: string) => `/admin/settings/partner-relationships/${id}?${query}`;

/** Keeps each target's fixture type while it is written, and erases it for the list. */
function target<F extends Record<string, string>>(t: Target<F>): Target {
  return t as unknown as Target;
}

const TARGETS: Target[] = [
  target({
    name: "sendContactRequestAction",
    actor: null,
    fixture: async () => ({}),
    spec: {
      name: field(freeText(["Megan Bowen", "Zoë O'Brien-Łukasiewicz", "李小龍"])),
      email: field(fc.oneof(fc.constantFrom("megan@contoso.example", "MEGAN@Contoso.Example"), fc.emailAddress())),
      company: field(freeText(["Contoso", "Contoso & Sons <Ltd>"])),
      phone: field(fc.constantFrom("+1 425 555 0100", "(425) 555-0100", "")),
      country: field(fc.constantFrom("US", "GB", "DE", "us", "XX")),
      size: field(fc.constantFrom("1-9", "1000-9999", "10000+", "huge")),
      needs: field(freeText(["We are moving 1,200 mailboxes and want help securing identities.", "licensing"]).map((s) => `Our business needs: ${s}`)),
      partner: multiField(["fabrikam-partners", "adatum-consulting", "no-such-partner"]),
      idempotencyKey: field(fc.uuid({ version: 4 })),
    },
    examples: [
      {
        fields: {
          name: ["Mallory\r\nBcc: everyone@example.com"],
          email: ["mallory@example.com"],
          company: ["Evil\r\nBcc: everyone@example.com"],
          country: ["US"],
          size: ["1-9"],
          needs: ["<img src=x onerror=alert(1)> '; drop table users; --"],
          partner: ["fabrikam-partners", "adatum-consulting"],
          idempotencyKey: ["8c5d3d8e-2f4b-4c1e-9a77-0b8f7b5b9e11"],
        },
      },
      { fields: { name: ["a\u0000b"], email: ["a@b.example"], company: ["C"], country: ["US"], size: ["1-9"], needs: ["x".repeat(20_000)], partner: ["fabrikam-partners"], idempotencyKey: ["8c5d3d8e-2f4b-4c1e-9a77-0b8f7b5b9e12"] } },
    ],
    invoke: (app, data) => app.sendContactRequestAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => redirectedTo(outcome, /^\/partners\/contact\/sent\/[0-9a-f-]{36}$/),
    complete: async ({ db, delta, outcome, form }) => {
      const requestId = (outcome as { url: string }).url.split("/").pop()!;
      expect(requestId).toMatch(UUID);
      const recipients = await db.select().from(contactRequestRecipients).where(eq(contactRequestRecipients.requestId, requestId));
      expect(recipients.length).toBeGreaterThan(0);
      expect(delta("contact_requests")).toBe(1);
      expect(delta("contact_request_recipients")).toBe(recipients.length);
      expect(delta("email_outbox")).toBe(recipients.length + 1);
      expect(delta("audit_events")).toBe(1);
      // Counted against the address and the client (the address the trusted proxy appended, whatever the client wrote before it).
      expect(delta("rate_limit_hits")).toBe(2);
      // Stored exactly as typed (trimmed): markup and SQL are data, never interpreted.
      const [request] = await db.select().from(contactRequests).where(eq(contactRequests.id, requestId));
      expect([request!.name, request!.company, request!.needs]).toEqual(["name", "company", "needs"].map((n) => String(form.get(n)).trim()));
      expect(harness.kicks).toBe(1);
    },
  }),
  target({
    name: "requestSignInLinkAction",
    actor: null,
    fixture: async () => ({}),
    spec: {
      email: field(fc.oneof(fc.constantFrom("admin@contoso.example", "Agent@Fabrikam.Example"), fc.emailAddress())),
      callbackUrl: field(fc.constantFrom("/admin", "/partner/requests?status=new", "//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")),
    },
    examples: [
      { fields: { email: ["admin@contoso.example"], callbackUrl: ["//evil.example/steal"] } },
      { fields: { email: ["admin@contoso.example"], callbackUrl: ["/\\evil.example"] } },
      { fields: { email: ["a".repeat(20_000) + "@contoso.example"] } },
    ],
    invoke: (app, data) => app.requestSignInLinkAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => outcome.kind === "redirect" && harness.signInCalls.length === 1,
    complete: async ({ delta }) => {
      const [call] = harness.signInCalls;
      const options = call!.options as { email: string; redirectTo: string };
      expect(call!.provider).toBe("resend");
      expect(options.email).toBe(options.email.toLowerCase());
      expect(options.email.length).toBeLessThanOrEqual(254);
      // Never an open redirect after sign-in.
      expect(options.redirectTo).toMatch(/^\/(?![/\\])/);
      expect(new URL(options.redirectTo, "http://same-origin.invalid").origin).toBe("http://same-origin.invalid");
      expect(delta("users")).toBe(0);
      // The form only checks the limits: the link is counted where it is sent (auth.ts, which signIn reaches).
      expect(delta("rate_limit_hits")).toBe(0);
    },
  }),
  target({
    name: "sendInvitationAction",
    actor: "agent@fabrikam.example",
    fixture: async (db) => ({ ...(await contactRequestToFabrikam(db)), otherRecipientId: (await contactRequestTo(db, "adatum-consulting")).recipientId }),
    spec: {
      customerEmail: field(fc.constantFrom("admin@contoso.example", "billing@contoso.example", "it@tailspin.example", "user@contoso.example", "sales@fabrikam.example")),
      type: field(fc.constantFrom(...RELATIONSHIP_TYPES)),
      roles: multiField(ROLE_IDS, 4),
      durationDays: field(fc.constantFrom("90", "1", "730", "731", "0", "-5", "1.5", "1e3", "")),
      autoExtend: field(fc.constantFrom("on", "off")),
      message: field(fc.oneof(freeText(["Hello from Fabrikam."]), fc.constant(""))),
      idempotencyKey: field(fc.uuid({ version: 4 })),
      contactRecipientId: field(fc.oneof(ref("recipientId"), ref("otherRecipientId"), fc.uuid({ version: 4 }))),
    },
    examples: [
      { fields: { customerEmail: ["admin@contoso.example"], type: ["reseller"], idempotencyKey: ["5b0e3c1a-3f9d-4c1b-8f3e-2a6f4d9c7e01"], contactRecipientId: ["1b4e28ba-2fa1-41d2-883f-0016d3cca427"] } },
      { fields: { customerEmail: ["admin@contoso.example"], type: ["reseller"], idempotencyKey: ["5b0e3c1a-3f9d-4c1b-8f3e-2a6f4d9c7e02"], contactRecipientId: ["$ref:otherRecipientId"] } },
      { fields: { customerEmail: ["admin@contoso.example"], type: ["gdap"], roles: ["x".repeat(20_000)], idempotencyKey: ["5b0e3c1a-3f9d-4c1b-8f3e-2a6f4d9c7e03"] } },
    ],
    invoke: (app, data) => app.sendInvitationAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => redirectedTo(outcome, /^\/partner\/invitations\/[0-9a-f-]{36}\?sent=1$/),
    complete: async ({ db, delta, outcome, fixture, form }) => {
      const id = (outcome as { url: string }).url.split("/").pop()!.split("?")[0]!;
      const [invitation] = await db.select().from(invitations).where(eq(invitations.id, id));
      expect(invitation).toBeDefined();
      expect(invitation!.roles.every((r) => (ROLE_IDS as string[]).includes(r))).toBe(true);
      // Stored as typed (trimmed); a file in its place counts as no message.
      const typed = form.get("message");
      expect(invitation!.message).toBe(typeof typed === "string" ? typed.trim() || null : null);
      // A link to a contact request only ever points at one sent to this partner.
      expect([null, fixture.recipientId]).toContain(invitation!.contactRecipientId);
      expect(delta("invitations")).toBe(1);
      expect(delta("email_outbox")).toBe(1);
      expect(delta("audit_events")).toBe(1);
      expect(harness.kicks).toBe(1);
    },
  }),
  target({
    name: "declineInvitationAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ token: (await pendingInvitation(db)).token }),
    bound: fc.oneof({ weight: 4, arbitrary: ref("token") }, { weight: 1, arbitrary: hostileString }),
    spec: { reason: field(fc.oneof(freeText(["We chose another partner."]), fc.constant(""))) },
    examples: [{ fields: { reason: ["a\u0000b"] }, bound: "$ref:token" }, { fields: { reason: ["é".repeat(501)] }, bound: "$ref:token" }],
    invoke: (app, data, _f, token) => app.declineInvitationAction(token, app.initialFormState, data),
    reports: "state",
    accepted: (outcome, fixture) => outcome.kind === "redirect" && outcome.url === `/admin/invitations/${fixture.token}`,
    complete: async ({ db, delta, form }) => {
      const [invitation] = await db.select().from(invitations);
      expect(invitation!.status).toBe("declined");
      expect(invitation!.declineReason).toBe(String(form.get("reason") ?? "").trim() || null);
      expect(delta("audit_events")).toBe(2);
      expect(delta("email_outbox")).toBe(1);
      expect(delta("relationships")).toBe(0);
    },
  }),
  target({
    name: "acceptInvitationAction",
    actor: "admin@contoso.example",
    bound: fc.oneof({ weight: 4, arbitrary: ref("token") }, { weight: 1, arbitrary: hostileString }),
    fixture: async (db) => ({ token: (await pendingInvitation(db, { roles: ["exchange_admin", "helpdesk_admin", "license_admin"], durationDays: 90, autoExtend: true })).token }),
    spec: {
      acknowledge: field(fc.constantFrom("on", "yes", "true")),
      // Approve with changes: the roles kept (a subset, none, or ones never asked for), an end date, auto-extend.
      rolesOffered: field(fc.constant("1")),
      roles: multiField([...ROLE_IDS, "exchange_admin", "helpdesk_admin", "license_admin"], 4),
      endsOn: field(fc.oneof(fc.integer({ min: -3, max: 120 }).map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10)), fc.constant(""))),
      autoExtendOffered: field(fc.constant("1")),
      autoExtend: field(fc.constant("on")),
    },
    examples: [
      { fields: { acknowledge: ["on"], rolesOffered: ["1"], roles: [] }, bound: "$ref:token" },
      { fields: { acknowledge: ["on"], rolesOffered: ["1"], roles: ["global_admin"], endsOn: ["2999-01-01"] }, bound: "$ref:token" },
    ],
    invoke: (app, data, _f, token) => app.acceptInvitationAction(token, app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => redirectedTo(outcome, /^\/admin\/settings\/partner-relationships\?accepted=[0-9a-f-]{36}$/),
    complete: async ({ db, delta }) => {
      const [invitation] = await db.select().from(invitations);
      const [acceptance] = await db.select().from(invitationAcceptances);
      expect(invitation!.status).toBe("accepted");
      expect(delta("relationships")).toBe(1);
      expect(delta("relationship_types")).toBe(1);
      // Exactly what was kept, never more than was asked, never nothing.
      expect(acceptance!.grantedRoles!.length).toBeGreaterThan(0);
      expect(acceptance!.grantedRoles!.every((role) => invitation!.roles.includes(role))).toBe(true);
      expect(delta("role_grants")).toBe(acceptance!.grantedRoles!.length);
      expect(acceptance!.endsAt!.getTime()).toBeLessThanOrEqual(acceptance!.acceptedAt.getTime() + invitation!.durationDays! * 86_400_000);
      expect(delta("invitation_acceptances")).toBe(1);
      expect(delta("agreement_acceptances")).toBe(1);
      expect(delta("audit_events")).toBe(5);
      expect(delta("email_outbox")).toBe(2);
    },
  }),
  target({
    name: "acceptAgreementAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ contoso: await organizationIdOf(db, "contoso.example"), northwind: await organizationIdOf(db, "northwind.example") }),
    spec: {
      organizationId: field(fc.oneof({ weight: 4, arbitrary: ref("contoso") }, { weight: 1, arbitrary: ref("northwind") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      acknowledge: field(fc.constantFrom("on", "off")),
    },
    invoke: (app, data) => app.acceptAgreementAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => outcome.kind === "redirect" && outcome.url === "/admin/settings/partner-relationships?agreement=accepted",
    complete: async ({ delta }) => {
      expect(delta("agreement_acceptances")).toBe(1);
      expect(delta("audit_events")).toBe(1);
    },
  }),
  target({
    name: "removeRolesAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ relationshipId: await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }) }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      roleId: field(fc.constantFrom("license_admin", "helpdesk_admin", "global_admin")),
    },
    examples: [{ fields: { relationshipId: ["------------------------------------"] } }, { fields: { relationshipId: ["000000000000000000000000000000000000"] } }],
    invoke: (app, data) => app.removeRolesAction(data),
    reports: "code",
    // All roles of a GDAP-only relationship ends it (relationship_ended); one role leaves the rest.
    accepted: (outcome) => ["roles_removed", "role_removed", "relationship_ended"].includes(doneCode(outcome) ?? ""),
    complete: async ({ db, delta, fixture, outcome }) => {
      expect((outcome as { url: string }).url).toBe(relationshipUrl(fixture.relationshipId, `done=${doneCode(outcome)}`));
      const ended = (await db.select().from(roleGrants)).filter((g) => g.endReason === "removed");
      expect(ended.length).toBe(doneCode(outcome) === "role_removed" ? 1 : 2);
      expect(ended.every((g) => g.endedAt && g.endedById)).toBe(true);
      expect(delta("audit_events")).toBe(2);
      // Fabrikam's admin agent (its sales agent gets no removal email) and Contoso's Global administrator.
      expect(delta("email_outbox")).toBe(2);
      expect(delta("relationships")).toBe(0);
    },
  }),
  target({
    name: "proposeChangeAction",
    actor: "agent@fabrikam.example",
    fixture: async (db) => ({ relationshipId: await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }) }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      roles: multiField([...ROLE_IDS, "helpdesk_admin", "license_admin"], 4),
      endsOn: field(fc.oneof(dayFromToday(-2, 800), fc.constant(""))),
      message: field(fc.oneof(freeText(["For the mailbox migration."]), fc.constant(""))),
    },
    invoke: (app, data) => app.proposeChangeAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => ["applied", "requested", "applied_and_requested"].includes(doneCode(outcome) ?? ""),
    complete: async ({ db, delta, outcome, form }) => {
      const code = doneCode(outcome);
      const live = (await db.select().from(roleGrants)).filter((g) => !g.endedAt);
      // What adds access is only asked; what is given up is gone: the roles in force are those held and kept.
      expect(live.every((g) => ["helpdesk_admin", "license_admin"].includes(g.roleId) && form.getAll("roles").includes(g.roleId))).toBe(true);
      expect(delta("change_requests")).toBe(code === "applied" ? 0 : 1);
      expect(delta("audit_events")).toBe(code === "applied_and_requested" ? 4 : 2);
    },
  }),
  target({
    name: "requestRenewalAction",
    actor: "agent@fabrikam.example",
    fixture: async (db) => ({ relationshipId: await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 20 }) }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      endsOn: field(fc.oneof(dayFromToday(-2, 800), fc.constant(""))),
      message: field(fc.oneof(freeText(["Same roles for another year."]), fc.constant(""))),
    },
    invoke: (app, data) => app.requestRenewalAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "renewal_requested",
    complete: async ({ db, delta }) => {
      const [request] = await db.select().from(changeRequests);
      expect(request).toMatchObject({ kind: "renewal", status: "pending", addRoles: [] });
      expect(request!.endsAt!.getTime()).toBeLessThanOrEqual(Date.now() + 731 * 86_400_000);
      expect(delta("role_grants")).toBe(0);
    },
  }),
  target({
    name: "approveChangeAction",
    actor: "admin@contoso.example",
    fixture: changeRequested,
    spec: {
      changeRequestId: field(fc.oneof({ weight: 4, arbitrary: ref("changeRequestId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      rolesOffered: field(fc.constant("1")),
      roles: multiField([...ROLE_IDS, "exchange_admin"], 3),
      endsOn: field(fc.oneof(dayFromToday(-2, 800), fc.constant(""))),
    },
    invoke: (app, data) => app.approveChangeAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => ["change_approved", "change_approved_with_changes"].includes(doneCode(outcome) ?? ""),
    complete: async ({ db }) => {
      const [request] = await db.select().from(changeRequests);
      expect(["approved", "approved_with_changes"]).toContain(request!.status);
      // Never more than was asked: the one role asked for, at most.
      const live = (await db.select().from(roleGrants)).filter((g) => !g.endedAt).map((g) => g.roleId).sort();
      expect(["helpdesk_admin", "exchange_admin,helpdesk_admin"]).toContain(live.join(","));
    },
  }),
  target({
    name: "declineChangeAction",
    actor: "admin@contoso.example",
    fixture: changeRequested,
    spec: {
      changeRequestId: field(fc.oneof({ weight: 4, arbitrary: ref("changeRequestId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      reason: field(fc.oneof(freeText(["Not this quarter."]), fc.constant(""))),
    },
    invoke: (app, data) => app.declineChangeAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "change_declined",
    complete: async ({ db, form }) => {
      const [request] = await db.select().from(changeRequests);
      expect(request!.status).toBe("declined");
      expect(request!.declineReason).toBe(String(form.get("reason") ?? "").trim() || null);
    },
  }),
  target({
    name: "extendGdapAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ relationshipId: await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 20 }) }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      endsOn: field(dayFromToday(-2, 800)),
    },
    invoke: (app, data) => app.extendGdapAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "extended",
    complete: async ({ db, form }) => {
      const [gdap] = await db.select().from(relationshipTypes);
      expect(gdap!.endsAt!.toISOString().slice(0, 10)).toBe(String(form.get("endsOn")).trim());
      expect(gdap!.endsAt!.getTime()).toBeLessThanOrEqual(Date.now() + 731 * 86_400_000);
    },
  }),
  target({
    name: "inviteMemberAction",
    actor: "admin@contoso.example",
    fixture: async () => ({}),
    spec: {
      email: field(fc.constantFrom("colleague@contoso.example", "Alex.Wilber@contoso.example", "user@contoso.example")),
      name: field(fc.oneof(freeText(["Alex Wilber"]), fc.constant(""))),
      roles: multiField([...ROLE_IDS, "partner_relationship_admin"], 3),
    },
    invoke: (app, data) => app.inviteMemberAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "invited",
    complete: async ({ delta, form }) => {
      expect(delta("memberships")).toBe(1);
      expect(delta("email_outbox")).toBe(1);
      expect(delta("audit_events")).toBe(1);
      expect(form.getAll("roles").every((r) => [...ROLE_IDS, "partner_relationship_admin"].includes(String(r)))).toBe(true);
    },
  }),
  target({
    name: "setMemberRolesAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ self: await membershipIdOf(db, "admin@contoso.example"), user: await membershipIdOf(db, "user@contoso.example") }),
    spec: {
      membershipId: field(fc.oneof({ weight: 3, arbitrary: ref("user") }, { weight: 2, arbitrary: ref("self") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      roles: multiField([...ROLE_IDS, "partner_relationship_admin"], 3),
    },
    invoke: (app, data) => app.setMemberRolesAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => ["roles_saved", "nothing"].includes(doneCode(outcome) ?? ""),
    complete: async ({ db }) => {
      // Whatever was sent, the organization keeps a Global administrator.
      const rows = await db.select().from(memberships);
      expect(rows.some((m) => m.roles.includes("global_admin"))).toBe(true);
    },
  }),
  target({
    name: "saveRoleTemplateAction",
    actor: "agent@fabrikam.example",
    fixture: async () => ({}),
    spec: {
      name: field(freeText(["Helpdesk", "Mail migration"])),
      roles: multiField(ROLE_IDS, 4),
      tasks: multiField(["reset_passwords", "manage_licenses", "manage_exchange", "support_tickets"], 3),
    },
    invoke: (app, data) => app.saveRoleTemplateAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "saved",
    complete: async ({ db, delta }) => {
      expect(delta("role_templates")).toBe(1);
      const [saved] = await db.select().from(roleTemplates);
      expect(saved!.roles.length).toBeGreaterThan(0);
      expect(saved!.roles.every((r) => (ROLE_IDS as readonly string[]).includes(r))).toBe(true);
    },
  }),
  target({
    name: "invitePartnerPersonAction",
    actor: "agent@fabrikam.example",
    fixture: async () => ({}),
    spec: {
      email: field(fc.constantFrom("tech@fabrikam.example", "Patti@Fabrikam.example", "sales@fabrikam.example")),
      name: field(fc.oneof(freeText(["Patti Fernandez"]), fc.constant(""))),
      roles: multiField(["technician", "admin_agent", "sales_agent", "global_admin"], 2),
    },
    invoke: (app, data) => app.invitePartnerPersonAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "person_added",
    complete: async ({ delta, form }) => {
      expect(delta("memberships")).toBe(1);
      expect(form.getAll("roles").every((r) => ["technician", "admin_agent", "sales_agent"].includes(String(r)))).toBe(true);
    },
  }),
  target({
    name: "createGroupAction",
    actor: "agent@fabrikam.example",
    fixture: async () => ({}),
    spec: { name: field(freeText(["Helpdesk", "Exchange team"])) },
    invoke: (app, data) => app.createGroupAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "group_created",
    complete: async ({ delta }) => expect(delta("security_groups")).toBe(1),
  }),
  target({
    name: "assignAccessAction",
    actor: "agent@fabrikam.example",
    fixture: async (db) => {
      const setup = await technicianSetup(db);
      return { relationshipId: setup.relationshipId, groupId: setup.groupId };
    },
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      groupId: field(fc.oneof({ weight: 4, arbitrary: ref("groupId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      roles: multiField([...ROLE_IDS, "helpdesk_admin", "license_admin"], 3),
    },
    invoke: (app, data) => app.assignAccessAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "assigned",
    complete: async ({ db }) => {
      // Only roles the customer granted, ever.
      const live = (await db.select().from(accessAssignments)).filter((a) => !a.deletedAt);
      expect(live.every((a) => a.roles.every((r) => ["helpdesk_admin", "license_admin"].includes(r)))).toBe(true);
    },
  }),
  target({
    name: "requestTokenAction",
    actor: "tech@fabrikam.example",
    fixture: async (db) => ({ relationshipId: (await technicianSetup(db)).relationshipId }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      reason: field(freeText(["Ticket 4711"])),
    },
    invoke: (app, data) => app.requestTokenAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => outcome.kind === "returned" && (outcome.value as { ok?: boolean }).ok === true,
    complete: async ({ db, delta }) => {
      expect(delta("issued_tokens")).toBe(1);
      expect((await db.select().from(issuedTokens))[0]!.roles).toEqual(["helpdesk_admin"]);
    },
  }),
  target({
    name: "activateRoleAction",
    actor: "tech@fabrikam.example",
    fixture: async (db) => ({ relationshipId: (await jitSetup(db, { approval: true, activate: false })).relationshipId }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      roleId: field(fc.constantFrom("helpdesk_admin", "license_admin", "global_admin")),
      hours: field(fc.oneof(fc.integer({ min: -1, max: 10 }).map(String), fc.constant("1e3"))),
      justification: field(freeText(["Ticket 4711"])),
    },
    invoke: (app, data) => app.activateRoleAction(app.initialFormState, data),
    reports: "state",
    accepted: (outcome) => doneCode(outcome) === "activation_requested",
    complete: async ({ db, delta }) => {
      expect(delta("activations")).toBe(1);
      const [activation] = await db.select().from(activations);
      expect(activation).toMatchObject({ roleId: "helpdesk_admin", status: "pending" });
      expect(activation!.hours).toBeGreaterThanOrEqual(1);
      expect(activation!.hours).toBeLessThanOrEqual(8);
    },
  }),
  target({
    name: "endRelationshipAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ relationshipId: await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }) }),
    spec: { relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })) },
    invoke: (app, data) => app.endRelationshipAction(data),
    reports: "code",
    accepted: (outcome) => doneCode(outcome) === "ended",
    complete: async ({ db, delta, fixture, outcome }) => {
      expect((outcome as { url: string }).url).toBe(relationshipUrl(fixture.relationshipId, "done=ended"));
      expect((await db.select().from(roleGrants)).every((g) => g.endedAt && g.endedById)).toBe(true);
      expect((await db.select().from(relationshipTypes)).every((t) => t.terminatedAt)).toBe(true);
      expect(delta("audit_events")).toBe(2);
      expect(delta("relationships")).toBe(0);
    },
  }),
  target({
    name: "setMpsaSharingAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({ relationshipId: await acceptedRelationship(db, { type: "mpsa" }, "sales@fabrikam.example") }),
    spec: {
      relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
      allowed: field(fc.constantFrom("on", "off")),
    },
    examples: [{ fields: { relationshipId: ["------------------------------------"] } }, { fields: { relationshipId: ["000000000000000000000000000000000000"] } }],
    invoke: (app, data) => app.setMpsaSharingAction(data),
    reports: "code",
    accepted: (outcome) => doneCode(outcome) === "mpsa_on",
    complete: async ({ db, delta }) => {
      expect((await db.select().from(relationships))[0]?.mpsaShareAllowed).toBe(true);
      expect(delta("audit_events")).toBe(1);
    },
  }),
  target({
    name: "turnOffAutoExtendAction",
    actor: "admin@contoso.example",
    fixture: async (db) => ({
      relationshipId: await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90, autoExtend: true }),
    }),
    spec: { relationshipId: field(fc.oneof({ weight: 4, arbitrary: ref("relationshipId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })) },
    examples: [{ fields: { relationshipId: ["------------------------------------"] } }, { fields: { relationshipId: ["000000000000000000000000000000000000"] } }],
    invoke: (app, data) => app.turnOffAutoExtendAction(data),
    reports: "code",
    accepted: (outcome) => doneCode(outcome) === "auto_extend_off",
    complete: async ({ db, delta }) => {
      expect((await db.select().from(roleGrants)).every((g) => !g.autoExtend)).toBe(true);
      expect(delta("audit_events")).toBe(1);
    },
  }),
  target({
    name: "resendInvitationAction",
    actor: "agent@fabrikam.example",
    fixture: async (db) => ({ invitationId: (await pendingInvitation(db)).invitation.id }),
    spec: { invitationId: field(fc.oneof({ weight: 4, arbitrary: ref("invitationId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })) },
    examples: [{ fields: { invitationId: ["------------------------------------"] } }, { fields: { invitationId: ["000000000000000000000000000000000000"] } }],
    invoke: (app, data) => app.resendInvitationAction(data),
    reports: "code",
    accepted: (outcome) => doneCode(outcome) === "resent",
    complete: async ({ db, delta }) => {
      expect((await db.select().from(invitations))[0]?.sentCount).toBe(2);
      expect(delta("email_outbox")).toBe(1);
      expect(delta("audit_events")).toBe(1);
      expect(delta("rate_limit_hits")).toBe(1);
    },
  }),
  target({
    name: "cancelInvitationAction",
    actor: "agent@fabrikam.example",
    fixture: async (db) => ({ invitationId: (await pendingInvitation(db)).invitation.id }),
    spec: { invitationId: field(fc.oneof({ weight: 4, arbitrary: ref("invitationId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })) },
    examples: [{ fields: { invitationId: ["------------------------------------"] } }, { fields: { invitationId: ["000000000000000000000000000000000000"] } }],
    invoke: (app, data) => app.cancelInvitationAction(data),
    reports: "code",
    accepted: (outcome) => doneCode(outcome) === "cancelled",
    complete: async ({ db, delta }) => {
      const [cancelled] = await db.select().from(invitations);
      expect(cancelled?.status).toBe("cancelled");
      // On the partner's timeline, and on the customer's when the address led to an organization.
      expect(delta("audit_events")).toBe(cancelled?.customerOrganizationId ? 2 : 1);
    },
  }),
];

describe("hostile input to form actions", () => {
  let app: App;

  beforeAll(async () => {
    app = await loadApp();
  });

  afterAll(() => {
    unloadApp();
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))(
    "%s: no error but a redirect, a refusal changes nothing, an acceptance is whole",
    async (_name, target) => {
      await checkProperty(app, target, {});
    },
    120_000,
  );

  it("setRequestStatusAction: no error but a return to the inbox with an outcome, and a change is always the status with its audit event", async () => {
    const cache: { current?: Cached } = {};
    await fc.assert(
      fc.asyncProperty(
        formArbitrary({
          recipientId: field(fc.oneof({ weight: 4, arbitrary: ref("recipientId") }, { weight: 1, arbitrary: fc.uuid({ version: 4 }) })),
          status: field(fc.constantFrom("replied", "declined", "new")),
        }),
        async (spec) => {
          if (!cache.current || cache.current.dirty) {
            const db = await freshDatabase();
            cache.current = { db, fixture: await contactRequestToFabrikam(db), dirty: false };
          }
          const { db, fixture } = cache.current;
          const data = buildForm(spec, fixture);
          harness.reset(await userIdOf(db, "agent@fabrikam.example"));
          const before = await snapshot(db);
          const outcome = await capture(() => app.setRequestStatusAction(data));
          expect(outcome.kind, describeOutcome(outcome)).toBe("redirect");
          expect((outcome as { url: string }).url).toMatch(/^\/partner\/requests\?(done=(new|replied|declined|nothing)|error=(not_found|forbidden))$/);
          const after = await snapshot(db);
          const [recipient] = await db.select().from(contactRequestRecipients).where(eq(contactRequestRecipients.id, fixture.recipientId!));
          if (recipient!.status === "new") {
            expect(after).toEqual(before);
          } else {
            cache.current.dirty = true;
            // Only a form with one status and one request changes anything; a repeated field reads as absent.
            expect(data.getAll("status")).toEqual([recipient!.status]);
            expect(deltaOf(before.counts, after.counts)("audit_events")).toBe(1);
            expect(recipient!.statusChangedById).toBe(await userIdOf(db, "agent@fabrikam.example"));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it("escapes markup typed into a contact request in the partner's email", async () => {
    const payload = "<img src=x onerror=alert(1)>";
    const { html, text, subject } = await renderEmail("contact-request-partner", {
      partnerName: "Fabrikam Partners",
      customerName: `Mallory ${payload}`,
      customerEmail: "mallory@example.com",
      company: `Evil ${payload} Corp`,
      phone: null,
      country: "United States",
      size: "1–9 employees",
      needs: `Please help ${payload} <script>alert(2)</script> "quoted" & more`,
      inboxUrl: "http://localhost:3000/partner/requests",
    });
    expect(html).toContain("&lt;img");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>alert(2)");
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
    // The plain-text part and the subject carry the text as typed: they are never read as HTML.
    expect(text).toContain(payload);
    expect(subject).toBe(`New customer request from Evil ${payload} Corp`);
  });

  it("escapes markup that went through the whole contact form into the outbox", async () => {
    const db = await freshDatabase();
    harness.reset(null);
    const payload = "<img src=x onerror=alert(1)>";
    const data = new FormData();
    for (const [k, v] of Object.entries({
      name: `Mallory ${payload}`,
      email: "mallory@example.com",
      company: `Evil ${payload}`,
      country: "US",
      size: "1-9",
      needs: `Please help us ${payload} with everything`,
      partner: "fabrikam-partners",
      idempotencyKey: randomUUID(),
    }))
      data.append(k, v);
    const outcome = await capture(() => app.sendContactRequestAction(app.initialFormState, data));
    expect(outcome.kind, describeOutcome(outcome)).toBe("redirect");
    const mail = await db.select().from(emailOutbox);
    expect(mail).toHaveLength(2);
    for (const m of mail) {
      expect(m.html).not.toContain("<img src=x");
      expect(m.html).toContain("&lt;img");
    }
  });

  it("looks up nothing (and never errors) for ids that only look like UUIDs", async () => {
    const db = await freshDatabase();
    const contoso = await organizationIdOf(db, "contoso.example");
    const fabrikam = await organizationIdOf(db, "fabrikam.example");
    for (const id of [...NEAR_UUIDS.filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)), "x".repeat(36)]) {
      await expect(getRelationshipDetails(db, readerOf(contoso), id), id).resolves.toBeUndefined();
      await expect(getPartnerInvitation(db, fabrikam, id), id).resolves.toBeUndefined();
      await expect(getPartnerRequest(db, fabrikam, id), id).resolves.toBeUndefined();
      await expect(getContactConfirmation(db, id), id).resolves.toBeUndefined();
      await expect(getMailboxMessage(db, id), id).resolves.toBeUndefined();
    }
  });
});
