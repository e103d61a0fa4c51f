/**
 * Authorization matrix: every server action (every export of every "use server" file under lib/)
 * and every route handler, called for real as each kind of actor. Each cell starts from a fresh
 * database with its own fixture; a refused cell must leave every table count and the audit
 * trail exactly as they were.
 *
 * Not covered here: app/api/auth/[...nextauth]/route.ts is Auth.js's own handler (sign-in
 * callbacks, CSRF, session); the app only configures it in auth.ts. It is excluded from the
 * route inventory below on purpose.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz";
import { listActivity } from "@/lib/audit/queries";
import { saveRoleTemplate } from "@/lib/relationships/templates";
import { actorFor } from "../support/actors";
import { getRelationshipDetails, listCustomerRelationships, listPendingInvitationsFor } from "@/lib/relationships/queries";
import {
  agreementAcceptances,
  accessAssignments,
  activations,
  changeRequests,
  contactRequestRecipients,
  issuedTokens,
  memberships,
  personBlocks,
  securityGroupMembers,
  securityGroups,
  roleTemplates,
  users,
  contactRequests,
  emailOutbox,
  invitations,
  organizationDomains,
  relationshipTypes,
  relationships,
  roleGrants,
} from "@/db/schema";
import {
  capture,
  form,
  harness,
  inlineServerActionFiles,
  loadApp,
  routeFiles,
  routeHandlerExports,
  serverActionExports,
  snapshot,
  unloadApp,
  type AnyFn,
  type App,
  type Outcome,
} from "../support/action-harness";
import {
  acceptedRelationship,
  changeRequested,
  contactRequestToFabrikam,
  technicianSetup,
  jitSetup,
  freshDatabase,
  organizationIdOf,
  pendingInvitation,
  userIdOf,
} from "../support/fixtures";

const ACTORS = {
  anonymous: null,
  user: "user@contoso.example",
  helpdesk: "helpdesk@contoso.example",
  reader: "reader@contoso.example",
  billing: "billing@contoso.example",
  globalAdmin: "admin@contoso.example",
  otherCustomerAdmin: "admin@northwind.example",
  salesAgent: "sales@fabrikam.example",
  adminAgent: "agent@fabrikam.example",
  otherPartnerAgent: "agent@adatum.example",
} as const;
type ActorKey = keyof typeof ACTORS;
const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];
type Verdict = "allowed" | "refused";

/**
 * The expected matrix. Columns, in order: anonymous, plain user, Helpdesk admin, Global reader,
 * Billing admin, Global admin (all Contoso), Northwind's Global admin, Fabrikam sales agent, Fabrikam admin
 * agent, Adatum admin agent. The fixtures belong to Contoso and Fabrikam.
 */
// prettier-ignore
const EXPECTED: Record<string, string> = {
  //                                                        anon user help read bill gadm othC sale agnt othP
  "requestSignInLinkAction":                                     " A    A    A    A    A    A    A    A    A    A ",
  "requestSignInLinkAction (malformed email)":                   " R    R    R    R    R    R    R    R    R    R ",
  "signOutAction":                                         " A    A    A    A    A    A    A    A    A    A ",
  "sendContactRequestAction":                                    " A    A    A    A    A    A    A    A    A    A ",
  "setRequestStatusAction":                                   " R    R    R    R    R    R    R    A    A    R ",
  "declineRequestAction":                                  " R    R    R    R    R    R    R    A    A    R ",
  "sendInvitationAction (reseller)":                       " R    R    R    R    R    R    R    A    A    A ",
  "sendInvitationAction (GDAP, admin roles)":              " R    R    R    R    R    R    R    R    A    A ",
  "resendInvitationAction":                                " R    R    R    R    R    R    R    A    A    R ",
  "cancelInvitationAction":                                " R    R    R    R    R    R    R    A    A    R ",
  "acceptInvitationAction":                                " R    R    R    R    A    A    R    R    R    R ",
  "declineInvitationAction":                               " R    R    R    R    A    A    R    R    R    R ",
  "acceptAgreementAction":                                 " R    R    R    R    A    A    R    R    R    R ",
  "removeRolesAction (all roles)":                         " R    R    R    R    A    A    R    R    R    R ",
  "removeRolesAction (one role)":                          " R    R    R    R    A    A    R    R    R    R ",
  // Ending a customer's GDAP from the partner's side: its admin agents, for its own customers.
  "endGdapAction":                                         " R    R    R    R    R    R    R    R    A    R ",
  "turnOffAutoExtendAction":                               " R    R    R    R    A    A    R    R    R    R ",
  // Changing granular delegated access in force: the partner's admin agents propose and ask to renew, for their own customers;
  // the customer's deciders answer and extend, for their own partners.
  "proposeChangeAction":                                   " R    R    R    R    R    R    R    R    A    R ",
  "requestRenewalAction":                                  " R    R    R    R    R    R    R    R    A    R ",
  "approveChangeAction":                                   " R    R    R    R    A    A    R    R    R    R ",
  "declineChangeAction":                                   " R    R    R    R    A    A    R    R    R    R ",
  "extendGdapAction":                                      " R    R    R    R    A    A    R    R    R    R ",
  // Users: each Global administrator invites into their own organization (Northwind's into Northwind) and changes its members' roles only.
  "inviteMemberAction":                                    " R    R    R    R    R    A    A    R    R    R ",
  "setMemberRolesAction":                                  " R    R    R    R    R    A    R    R    R    R ",
  // Role templates: each partner's admin agents keep their own organization's (Adatum's agent saves into Adatum).
  "saveRoleTemplateAction":                                " R    R    R    R    R    R    R    R    A    A ",
  "deleteRoleTemplateAction":                              " R    R    R    R    R    R    R    R    A    R ",
  // The access plane. The partner's people, groups and assignments: its admin agents, in their own organization
  // (Adatum's agent invites and creates in Adatum); a token: whoever of the partner holds a role there through a group.
  "invitePartnerPersonAction":                             " R    R    R    R    R    R    R    R    A    A ",
  "setPersonActiveAction":                                 " R    R    R    R    R    R    R    R    A    R ",
  "createGroupAction":                                     " R    R    R    R    R    R    R    R    A    A ",
  "setGroupMemberAction":                                  " R    R    R    R    R    R    R    R    A    R ",
  "assignAccessAction":                                    " R    R    R    R    R    R    R    R    A    R ",
  "removeAssignmentAction":                                " R    R    R    R    R    R    R    R    A    R ",
  "requestTokenAction":                                    " R    R    R    R    R    R    R    R    A    R ",
  "POST /api/tokens":                                      " R    R    R    R    R    R    R    R    A    R ",
  "activateRoleAction":                                    " R    R    R    R    R    R    R    R    A    R ",
  "decideActivationAction":                                " R    R    R    R    A    A    R    R    R    R ",
  "revokeActivationAction":                                " R    R    R    R    A    A    R    R    R    R ",
  // The customer's deciders block one of its partner's people.
  "setPersonBlockedAction":                                " R    R    R    R    A    A    R    R    R    R ",
  // Resource servers: the keys are public; introspection only with INTROSPECTION_SECRET; the sample API only with a live token.
  "GET /.well-known/jwks.json":                            " A    A    A    A    A    A    A    A    A    A ",
  "GET /api/health":                                       " A    A    A    A    A    A    A    A    A    A ",
  "POST /api/oauth/introspect (no secret)":                " R    R    R    R    R    R    R    R    R    R ",
  "POST /api/oauth/introspect (Bearer INTROSPECTION_SECRET)": " A    A    A    A    A    A    A    A    A    A ",
  "POST /api/sample/reset-password (no token)":            " R    R    R    R    R    R    R    R    R    R ",
  // End relationship (every type, Reseller included): Global administrators only.
  "endRelationshipAction":                                 " R    R    R    R    R    A    R    R    R    R ",
  "setMpsaSharingAction":                                  " R    R    R    R    A    A    R    R    R    R ",
  // Who reads partners exports its own organization's list (Northwind's administrator gets Northwind's, empty).
  "GET /admin/settings/partner-relationships/export":      " R    R    R    A    A    A    A    R    R    R ",
  // Each organization exports its own activity log (another customer's administrator, or another partner's agent, gets their own).
  "GET /admin/activity/export":                            " R    R    R    A    A    A    A    R    R    R ",
  "GET /partner/activity/export":                          " R    R    R    R    R    R    R    A    A    A ",
  // Reading Contoso's partners, grants, activity and pending invitations: deciders, and Global readers read-only.
  "read Partner relationships":                            " R    R    R    A    A    A    R    R    R    R ",
  "read partner details, grants and activity":             " R    R    R    A    A    A    R    R    R    R ",
  "read pending invitations":                              " R    R    R    A    A    A    R    R    R    R ",
  "read activity log":                                     " R    R    R    A    A    A    R    R    R    R ",
  // Verified domains route invitations: Global administrators only.
  "addDomainAction":                                       " R    R    R    R    R    A    R    R    R    R ",
  "verifyDomainAction":                                    " R    R    R    R    R    A    R    R    R    R ",
  "removeDomainAction":                                    " R    R    R    R    R    A    R    R    R    R ",
  // The local mailbox is a development tool, gated by configuration (mailboxEnabled), not by identity.
  "GET /dev/mailbox/[id]/raw (mailbox on)":                " A    A    A    A    A    A    A    A    A    A ",
  "GET /dev/mailbox/[id]/raw (MAILBOX=0)":                 " R    R    R    R    R    R    R    R    R    R ",
  // The scheduler's endpoint: only the CRON_SECRET bearer counts; a signed-in session does not.
  "POST /api/jobs/sweep (no secret)":                      " R    R    R    R    R    R    R    R    R    R ",
  "POST /api/jobs/sweep (wrong secret)":                   " R    R    R    R    R    R    R    R    R    R ",
  "POST /api/jobs/sweep (Bearer CRON_SECRET)":             " A    A    A    A    A    A    A    A    A    A ",
  "GET /api/jobs/sweep (no secret)":                       " R    R    R    R    R    R    R    R    R    R ",
  "GET /api/jobs/sweep (Bearer CRON_SECRET)":              " A    A    A    A    A    A    A    A    A    A ",
};

function expectedRow(label: string): Record<ActorKey, Verdict> {
  const marks = EXPECTED[label]?.trim().split(/\s+/);
  if (!marks || marks.length !== ACTOR_KEYS.length) throw new Error(`No expectation for ${label}`);
  return Object.fromEntries(ACTOR_KEYS.map((k, i) => [k, marks[i] === "A" ? "allowed" : "refused"])) as Record<ActorKey, Verdict>;
}

const CRON_SECRET = "test-cron-secret-0123456789abcdef";
const INTROSPECTION_SECRET = "test-introspection-secret-0123456789";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

interface Context<F> {
  db: Db;
  app: App;
  routes: Map<string, AnyFn>;
  fixture: F;
  actor: ActorKey;
  outcome: Outcome;
}

interface Row<F = unknown> {
  /** The server action's export name, or "METHOD /path" of a route handler. */
  target: string;
  variant?: string;
  fixture: (db: Db) => Promise<F>;
  call: (c: Omit<Context<F>, "outcome">) => Promise<unknown>;
  /** Reads the outcome as allowed or refused; throws on anything else (an unexpected error is a failure). */
  judge: (c: Context<F>) => Promise<Verdict> | Verdict;
  /** For allowed cells: the change really happened. */
  effect?: (c: Context<F>) => Promise<void>;
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "threw") return `threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : String(outcome.error)}`;
  if (outcome.kind === "returned") return `returned ${JSON.stringify(outcome.value)?.slice(0, 300)}`;
  return outcome.kind === "redirect" ? `redirected to ${outcome.url}` : "notFound()";
}

function unexpected(outcome: Outcome): never {
  throw new Error(`unexpected outcome: ${describeOutcome(outcome)}`);
}

/** A form action: success is the redirect; refusal is a returned state with a message. */
function formStateJudge(success: (c: Context<unknown>) => RegExp) {
  return (c: Context<unknown>): Verdict => {
    const { outcome } = c;
    if (outcome.kind === "redirect" && success(c).test(outcome.url)) return "allowed";
    if (outcome.kind === "returned") {
      const state = outcome.value as { ok?: boolean; message?: unknown };
      if (state?.ok === false && typeof state.message === "string" && state.message.length > 0) return "refused";
    }
    return unexpected(outcome);
  };
}

/** A button action that always returns to a page with an outcome code in the query string. */
function outcomeCodeJudge(base: (c: Context<unknown>) => string, done: string) {
  return (c: Context<unknown>): Verdict => {
    const { outcome } = c;
    if (outcome.kind !== "redirect" || !outcome.url.startsWith(`${base(c)}?`)) return unexpected(outcome);
    const query = outcome.url.slice(base(c).length + 1);
    if (query === `done=${done}`) return "allowed";
    if (/^error=(forbidden|not_found|not_pending|not_mpsa|rate_limited)$/.test(query)) return "refused";
    return unexpected(outcome);
  };
}

async function responseJudge(c: Context<unknown>, refusedStatuses: number[]): Promise<Verdict> {
  const { outcome } = c;
  if (outcome.kind !== "returned" || !(outcome.value instanceof Response)) return unexpected(outcome);
  if (outcome.value.status === 200) return "allowed";
  if (refusedStatuses.includes(outcome.value.status)) return "refused";
  return unexpected({ kind: "returned", value: { status: outcome.value.status, body: await outcome.value.text() } });
}

function route(c: { routes: Map<string, AnyFn> }, key: string) {
  const handler = c.routes.get(key);
  if (!handler) throw new Error(`No route handler ${key}`);
  return handler as unknown as (request: Request, context?: unknown) => Promise<Response>;
}

const relationshipPage = (id: string) => `/admin/settings/partner-relationships/${id}`;


async function recipientStatus(db: Db, id: string) {
  const [row] = await db.select({ status: contactRequestRecipients.status }).from(contactRequestRecipients).where(eq(contactRequestRecipients.id, id));
  return row?.status;
}

function sweepRow(method: "GET" | "POST", variant: string, authorization: string | null): Row {
  return {
    target: `${method} /api/jobs/sweep`,
    variant,
    fixture: async (db) => pendingInvitation(db),
    call: (c) =>
      route(c, `${method} /api/jobs/sweep`)(
        new Request("http://localhost:3000/api/jobs/sweep", { method, headers: authorization ? { authorization } : {} }),
      ),
    judge: (c) => responseJudge(c, [401]),
    effect: async (c) => {
      const body = (await (c.outcome as { value: Response }).value.json()) as Record<string, unknown>;
      expect(body).toHaveProperty("expiredInvitations", 0);
    },
  };
}

function mailboxRow(variant: string, mailbox: string | undefined): Row {
  return row<{ id: string }>({
    target: "GET /dev/mailbox/[id]/raw",
    variant,
    fixture: async (db) => {
      await pendingInvitation(db);
      const [mail] = await db.select({ id: emailOutbox.id }).from(emailOutbox);
      return { id: mail!.id };
    },
    call: async (c) => {
      const saved = process.env.MAILBOX;
      if (mailbox === undefined) delete process.env.MAILBOX;
      else process.env.MAILBOX = mailbox;
      try {
        return await route(c, "GET /dev/mailbox/[id]/raw")(new Request(`http://localhost:3000/dev/mailbox/${c.fixture.id}/raw`), {
          params: Promise.resolve({ id: c.fixture.id }),
        });
      } finally {
        if (saved === undefined) delete process.env.MAILBOX;
        else process.env.MAILBOX = saved;
      }
    },
    judge: (c) => responseJudge(c as Context<unknown>, [404]),
  });
}

type ReadFixture = { read: { actor: Actor | null; organizationId: string }; relationshipId: string };

/**
 * A read of Contoso's data as the page behind it makes it, with the signed-in actor: allowed when
 * it returns, refused when the permission map refuses it (AuthorizationError). Reads change nothing.
 */
function readRow(target: string, read: (c: Omit<Context<ReadFixture>, "outcome">) => Promise<unknown>): Row {
  return row<ReadFixture>({
    target,
    fixture: async (db) => {
      const relationshipId = await acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 });
      await pendingInvitation(db, { type: "reseller" }, "sales@fabrikam.example");
      return { relationshipId, read: { actor: null, organizationId: await organizationIdOf(db, "contoso.example") } };
    },
    call: async (c) => read({ ...c, fixture: { ...c.fixture, read: { ...c.fixture.read, actor: await c.app.getActor() } } }),
    judge: (c) => {
      if (c.outcome.kind === "returned") return "allowed";
      if (c.outcome.kind === "threw" && c.outcome.error instanceof Error && c.outcome.error.name === "AuthorizationError") return "refused";
      return unexpected(c.outcome);
    },
  });
}

/**
 * An Activity CSV export (`area`: admin or partner), of the signed-in person's own organization: the
 * other organization's member (`outsider`) gets theirs, without the fixture's counterparty.
 */
function activityExportRow(area: "admin" | "partner", outsider: ActorKey, counterparty: string): Row {
  const target = `GET /${area}/activity/export`;
  return row({
    target,
    fixture: (db) => acceptedRelationship(db, { type: "reseller" }, "sales@fabrikam.example"),
    call: (c) => route(c, target)(new Request(`http://localhost:3000/${area}/activity/export?type=reseller`)),
    judge: async (c) => {
      const verdict = await responseJudge(c, [401, 403]);
      if (verdict === "refused") expect((c.outcome as { value: Response }).value.status).toBe(c.actor === "anonymous" ? 401 : 403);
      return verdict;
    },
    effect: async ({ outcome, actor }) => {
      const response = (outcome as { value: Response }).value;
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const csv = await response.text();
      expect(csv.includes(counterparty)).toBe(actor !== outsider);
    },
  });
}

/** Keeps each row's fixture type while it is written, and erases it for the table. */
function row<F>(r: Row<F>): Row {
  return r as unknown as Row;
}

const ROWS: Row[] = [
  row({
    target: "requestSignInLinkAction",
    fixture: async () => undefined,
    call: ({ app }) => app.requestSignInLinkAction(app.initialFormState, form({ email: "Someone@Example.com" })),
    judge: (c) => {
      if (c.outcome.kind === "redirect" && harness.signInCalls.length === 1) return "allowed";
      if (c.outcome.kind === "returned" && harness.signInCalls.length === 0) return formStateJudge(() => /^$/)(c);
      return unexpected(c.outcome);
    },
    effect: async () => {
      expect(harness.signInCalls).toEqual([{ provider: "resend", options: { email: "someone@example.com", redirectTo: "/home" } }]);
    },
  }),
  row({
    target: "requestSignInLinkAction",
    variant: "malformed email",
    fixture: async () => undefined,
    call: ({ app }) => app.requestSignInLinkAction(app.initialFormState, form({ email: "not an email <script>" })),
    judge: (c) => {
      expect(harness.signInCalls).toEqual([]);
      const verdict = formStateJudge(() => /^\/signin\/check-email$/)(c);
      if (verdict === "refused") expect((c.outcome as { value: { fieldErrors: unknown } }).value.fieldErrors).toHaveProperty("email");
      return verdict;
    },
  }),
  row({
    target: "signOutAction",
    fixture: async () => undefined,
    call: ({ app }) => app.signOutAction(),
    judge: ({ outcome }) => (outcome.kind === "redirect" && outcome.url === "/" && harness.signOutCalls.length === 1 ? "allowed" : unexpected(outcome)),
  }),
  row({
    target: "sendContactRequestAction",
    fixture: async () => undefined,
    call: ({ app }) =>
      app.sendContactRequestAction(
        app.initialFormState,
        form({
          name: "Megan Bowen",
          email: "megan@contoso.example",
          company: "Contoso",
          country: "US",
          size: "1000-9999",
          needs: "We are moving 1,200 mailboxes and want help securing identities.",
          partner: ["fabrikam-partners", "adatum-consulting"],
          idempotencyKey: randomUUID(),
        }),
      ),
    judge: formStateJudge(() => new RegExp(`^/partners/contact/sent/${UUID}$`)),
    effect: async ({ db }) => {
      expect(await db.$count(contactRequests)).toBe(1);
      expect(await db.$count(contactRequestRecipients)).toBe(2);
      expect(await db.$count(emailOutbox)).toBe(3);
      expect(harness.kicks).toBe(1);
    },
  }),
  row({
    target: "setRequestStatusAction",
    fixture: contactRequestToFabrikam,
    call: ({ app, fixture }) => app.setRequestStatusAction(form({ recipientId: fixture.recipientId, status: "replied" })),
    judge: async (c) => {
      const verdict = outcomeCodeJudge(() => "/partner/requests", "replied")(c);
      expect(harness.revalidated).toEqual(["/partner/requests"]);
      expect(await recipientStatus(c.db, (c.fixture as { recipientId: string }).recipientId)).toBe(verdict === "allowed" ? "replied" : "new");
      return verdict;
    },
  }),
  row({
    target: "declineRequestAction",
    fixture: contactRequestToFabrikam,
    call: ({ app, fixture }) => app.declineRequestAction(app.initialFormState, form({ recipientId: fixture.recipientId, reason: "We don't serve this region." })),
    judge: async (c) => {
      const verdict = formStateJudge(() => /^\/partner\/requests\?done=declined$/)(c);
      expect(await recipientStatus(c.db, (c.fixture as { recipientId: string }).recipientId)).toBe(verdict === "allowed" ? "declined" : "new");
      return verdict;
    },
    effect: async ({ db }) => expect((await db.select().from(contactRequestRecipients))[0]?.declineReason).toBe("We don't serve this region."),
  }),
  row({
    target: "sendInvitationAction",
    variant: "reseller",
    fixture: async () => undefined,
    call: ({ app }) =>
      app.sendInvitationAction(app.initialFormState, form({ customerEmail: "admin@contoso.example", type: "reseller", idempotencyKey: randomUUID() })),
    judge: formStateJudge(() => new RegExp(`^/partner/invitations/${UUID}\\?sent=1$`)),
    effect: async ({ db }) => {
      expect(await db.$count(invitations)).toBe(1);
      expect(await db.$count(emailOutbox)).toBe(1);
    },
  }),
  row({
    target: "sendInvitationAction",
    variant: "GDAP, admin roles",
    fixture: async () => undefined,
    call: ({ app }) =>
      app.sendInvitationAction(
        app.initialFormState,
        form({ customerEmail: "admin@contoso.example", type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: "90", idempotencyKey: randomUUID() }),
      ),
    judge: formStateJudge(() => new RegExp(`^/partner/invitations/${UUID}\\?sent=1$`)),
    effect: async ({ db }) => {
      const [invitation] = await db.select().from(invitations);
      expect(invitation).toMatchObject({ type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90, status: "pending" });
    },
  }),
  row({
    target: "resendInvitationAction",
    fixture: async (db) => {
      const pending = await pendingInvitation(db);
      // Sent two minutes ago: past Resend's one-minute cooldown.
      await db.update(invitations).set({ lastSentAt: new Date(Date.now() - 120_000) });
      return pending;
    },
    call: ({ app, fixture }) => app.resendInvitationAction(form({ invitationId: fixture.invitation.id })),
    judge: outcomeCodeJudge((c) => `/partner/invitations/${(c.fixture as { invitation: { id: string } }).invitation.id}`, "resent"),
    effect: async ({ db }) => {
      expect((await db.select().from(invitations))[0]?.sentCount).toBe(2);
      expect(await db.$count(emailOutbox)).toBe(2);
    },
  }),
  row({
    target: "cancelInvitationAction",
    fixture: (db) => pendingInvitation(db),
    call: ({ app, fixture }) => app.cancelInvitationAction(form({ invitationId: fixture.invitation.id })),
    judge: outcomeCodeJudge((c) => `/partner/invitations/${(c.fixture as { invitation: { id: string } }).invitation.id}`, "cancelled"),
    effect: async ({ db }) => expect((await db.select().from(invitations))[0]?.status).toBe("cancelled"),
  }),
  row({
    target: "acceptInvitationAction",
    fixture: (db) => pendingInvitation(db),
    call: ({ app, fixture }) => app.acceptInvitationAction(fixture.token, app.initialFormState, form({ acknowledge: "on" })),
    judge: formStateJudge(() => new RegExp(`^/admin/settings/partner-relationships\\?accepted=${UUID}$`)),
    effect: async ({ db }) => {
      expect(await db.$count(relationships)).toBe(1);
      expect(await db.$count(roleGrants)).toBe(2);
      expect((await db.select().from(invitations))[0]?.status).toBe("accepted");
    },
  }),
  row({
    target: "declineInvitationAction",
    fixture: (db) => pendingInvitation(db),
    call: ({ app, fixture }) => app.declineInvitationAction(fixture.token, app.initialFormState, form({ reason: "We chose another partner." })),
    judge: formStateJudge((c) => new RegExp(`^/admin/invitations/${(c.fixture as { token: string }).token}$`)),
    effect: async ({ db }) => expect((await db.select().from(invitations))[0]).toMatchObject({ status: "declined", declineReason: "We chose another partner." }),
  }),
  row({
    target: "acceptAgreementAction",
    fixture: async (db) => ({ contoso: await organizationIdOf(db, "contoso.example") }),
    call: ({ app, fixture }) => app.acceptAgreementAction(app.initialFormState, form({ organizationId: fixture.contoso, acknowledge: "on" })),
    judge: formStateJudge(() => /^\/admin\/settings\/partner-relationships\?agreement=accepted$/),
    effect: async ({ db }) => expect(await db.$count(agreementAcceptances)).toBe(1),
  }),
  row({
    target: "removeRolesAction",
    variant: "all roles",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }),
    call: ({ app, fixture }) => app.removeRolesAction(form({ relationshipId: fixture })),
    // GDAP was the relationship's only type: removing its roles ends it.
    judge: outcomeCodeJudge((c) => relationshipPage(c.fixture as string), "relationship_ended"),
    effect: async ({ db }) => expect((await db.select().from(roleGrants)).every((g) => g.endReason === "removed")).toBe(true),
  }),
  row({
    target: "removeRolesAction",
    variant: "one role",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }),
    call: ({ app, fixture }) => app.removeRolesAction(form({ relationshipId: fixture, roleId: "license_admin" })),
    judge: outcomeCodeJudge((c) => relationshipPage(c.fixture as string), "role_removed"),
    effect: async ({ db }) => {
      const grants = await db.select().from(roleGrants);
      expect(grants.filter((g) => g.endReason === "removed").map((g) => g.roleId)).toEqual(["license_admin"]);
    },
  }),
  row({
    target: "endGdapAction",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }),
    call: ({ app, fixture }) => app.endGdapAction(form({ relationshipId: fixture })),
    judge: outcomeCodeJudge((c) => `/partner/customers/${c.fixture as string}`, "gdap_ended"),
    effect: async ({ db }) => {
      expect((await db.select().from(roleGrants)).every((g) => g.endReason === "terminated")).toBe(true);
      expect((await db.select().from(relationshipTypes)).find((t) => t.type === "gdap")?.terminatedAt).not.toBeNull();
    },
  }),
  row({
    target: "proposeChangeAction",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin", "license_admin"], durationDays: 90 }),
    call: ({ app, fixture }) => app.proposeChangeAction(app.initialFormState, form({ relationshipId: fixture, roles: ["helpdesk_admin", "license_admin", "exchange_admin"] })),
    judge: formStateJudge((c) => new RegExp(`^/partner/customers/${c.fixture as string}\\?done=requested$`)),
    effect: async ({ db }) => expect((await db.select().from(changeRequests))[0]).toMatchObject({ status: "pending", addRoles: ["exchange_admin"] }),
  }),
  row({
    target: "requestRenewalAction",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 20 }),
    call: ({ app, fixture }) => app.requestRenewalAction(app.initialFormState, form({ relationshipId: fixture })),
    judge: formStateJudge((c) => new RegExp(`^/partner/customers/${c.fixture as string}\\?done=renewal_requested$`)),
    effect: async ({ db }) => expect((await db.select().from(changeRequests))[0]).toMatchObject({ status: "pending", kind: "renewal" }),
  }),
  row({
    target: "approveChangeAction",
    fixture: changeRequested,
    call: ({ app, fixture }) => app.approveChangeAction(app.initialFormState, form({ changeRequestId: fixture.changeRequestId })),
    judge: formStateJudge((c) => new RegExp(`^${relationshipPage((c.fixture as { relationshipId: string }).relationshipId)}\\?done=change_approved$`)),
    effect: async ({ db }) => expect((await db.select().from(roleGrants)).map((g) => g.roleId).sort()).toEqual(["exchange_admin", "helpdesk_admin"]),
  }),
  row({
    target: "declineChangeAction",
    fixture: changeRequested,
    call: ({ app, fixture }) => app.declineChangeAction(app.initialFormState, form({ changeRequestId: fixture.changeRequestId, reason: "Not now" })),
    judge: formStateJudge((c) => new RegExp(`^${relationshipPage((c.fixture as { relationshipId: string }).relationshipId)}\\?done=change_declined$`)),
    effect: async ({ db }) => expect((await db.select().from(changeRequests))[0]?.status).toBe("declined"),
  }),
  row({
    target: "extendGdapAction",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 20 }),
    call: ({ app, fixture }) => app.extendGdapAction(app.initialFormState, form({ relationshipId: fixture, endsOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) })),
    judge: formStateJudge((c) => new RegExp(`^${relationshipPage(c.fixture as string)}\\?done=extended$`)),
    effect: async ({ db }) => expect((await db.select().from(relationshipTypes))[0]!.endsAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000),
  }),
  row({
    target: "inviteMemberAction",
    fixture: async () => null,
    call: ({ app }) => app.inviteMemberAction(app.initialFormState, form({ email: "colleague@contoso.example", roles: ["partner_relationship_admin"] })),
    judge: formStateJudge(() => /^\/admin\/settings\/users\?done=invited$/),
    effect: async ({ db }) => {
      const [user] = await db.select().from(users).where(eq(users.email, "colleague@contoso.example"));
      expect((await db.select().from(memberships).where(eq(memberships.userId, user!.id)))[0]?.roles).toEqual(["partner_relationship_admin"]);
    },
  }),
  row({
    target: "setMemberRolesAction",
    fixture: async (db) => {
      const [row] = await db.select({ id: memberships.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, "user@contoso.example"));
      return row!.id;
    },
    call: ({ app, fixture }) => app.setMemberRolesAction(app.initialFormState, form({ membershipId: fixture, roles: ["partner_relationship_admin"] })),
    judge: formStateJudge(() => /^\/admin\/settings\/users\?done=roles_saved$/),
    effect: async ({ db, fixture }) => expect((await db.select().from(memberships).where(eq(memberships.id, fixture as string)))[0]?.roles).toEqual(["partner_relationship_admin"]),
  }),
  row({
    target: "saveRoleTemplateAction",
    fixture: async () => null,
    call: ({ app }) => app.saveRoleTemplateAction(app.initialFormState, form({ name: "Helpdesk", tasks: ["reset_passwords"] })),
    judge: formStateJudge(() => /^\/partner\/templates\?done=saved$/),
    effect: async ({ db }) => expect((await db.select().from(roleTemplates))[0]).toMatchObject({ name: "Helpdesk", roles: ["helpdesk_admin"] }),
  }),
  row({
    target: "deleteRoleTemplateAction",
    fixture: async (db) => {
      const result = await saveRoleTemplate(db, await actorFor(db, "agent@fabrikam.example"), { name: "Helpdesk", roles: ["helpdesk_admin"], tasks: [] });
      if (!result.ok) throw new Error(result.message);
      return (await db.select({ id: roleTemplates.id }).from(roleTemplates))[0]!.id;
    },
    call: ({ app, fixture }) => app.deleteRoleTemplateAction(form({ templateId: fixture })),
    judge: outcomeCodeJudge(() => "/partner/templates", "deleted"),
    effect: async ({ db }) => expect(await db.$count(roleTemplates)).toBe(0),
  }),
  row({
    target: "invitePartnerPersonAction",
    fixture: async () => null,
    call: ({ app }) => app.invitePartnerPersonAction(app.initialFormState, form({ email: "new-tech@example.org", roles: ["technician"] })),
    judge: formStateJudge(() => /^\/partner\/team\?done=person_added$/),
    effect: async ({ db }) => expect(await db.$count(users, eq(users.email, "new-tech@example.org"))).toBe(1),
  }),
  row({
    target: "setPersonActiveAction",
    fixture: technicianSetup,
    call: ({ app, fixture }) => app.setPersonActiveAction(form({ membershipId: fixture.techMembershipId, active: "0" })),
    judge: outcomeCodeJudge(() => "/partner/team", "deactivated"),
    effect: async ({ db, fixture }) => expect((await db.select().from(memberships).where(eq(memberships.id, fixture.techMembershipId)))[0]?.deactivatedAt).not.toBeNull(),
  }),
  row({
    target: "createGroupAction",
    fixture: async () => null,
    call: ({ app }) => app.createGroupAction(app.initialFormState, form({ name: "Exchange team" })),
    judge: formStateJudge(() => /^\/partner\/team\?done=group_created$/),
    effect: async ({ db }) => expect(await db.$count(securityGroups)).toBe(1),
  }),
  row({
    target: "setGroupMemberAction",
    fixture: technicianSetup,
    call: ({ app, fixture }) => app.setGroupMemberAction(form({ groupId: fixture.groupId, userId: fixture.techUserId, member: "0" })),
    judge: outcomeCodeJudge(() => "/partner/team", "member_removed"),
    effect: async ({ db }) => expect(await db.$count(securityGroupMembers)).toBe(1),
  }),
  row({
    target: "assignAccessAction",
    fixture: technicianSetup,
    call: ({ app, fixture }) => app.assignAccessAction(app.initialFormState, form({ relationshipId: fixture.relationshipId, groupId: fixture.groupId, roles: ["license_admin"] })),
    judge: formStateJudge((c) => new RegExp(`^/partner/customers/${(c.fixture as { relationshipId: string }).relationshipId}\\?done=assigned$`)),
    effect: async ({ db }) => expect((await db.select().from(accessAssignments)).find((a) => !a.deletedAt)?.roles).toEqual(["license_admin"]),
  }),
  row({
    target: "removeAssignmentAction",
    fixture: technicianSetup,
    call: ({ app, fixture }) => app.removeAssignmentAction(form({ assignmentId: fixture.assignmentId, relationshipId: fixture.relationshipId })),
    judge: outcomeCodeJudge((c) => `/partner/customers/${(c.fixture as { relationshipId: string }).relationshipId}`, "unassigned"),
    effect: async ({ db }) => expect((await db.select().from(accessAssignments))[0]?.deletedAt).not.toBeNull(),
  }),
  row({
    target: "requestTokenAction",
    fixture: technicianSetup,
    call: ({ app, fixture }) => app.requestTokenAction(app.initialFormState, form({ relationshipId: fixture.relationshipId, reason: "Ticket 1" })),
    judge: ({ outcome }) => {
      if (outcome.kind !== "returned") return unexpected(outcome);
      const state = outcome.value as { ok?: boolean; token?: string; message?: string };
      if (state.ok === true && typeof state.token === "string") return "allowed";
      if (state.ok === false && state.message) return "refused";
      return unexpected(outcome);
    },
    effect: async ({ db }) => expect(await db.$count(issuedTokens)).toBe(1),
  }),
  row({
    target: "POST /api/tokens",
    fixture: technicianSetup,
    call: (c) =>
      route(c, "POST /api/tokens")(
        new Request("http://localhost:3000/api/tokens", { method: "POST", body: JSON.stringify({ relationshipId: c.fixture.relationshipId, reason: "Ticket 1" }), headers: { "content-type": "application/json" } }),
      ),
    judge: (c) => responseJudge(c, [401, 403]),
    effect: async ({ db }) => expect(await db.$count(issuedTokens)).toBe(1),
  }),
  row({
    target: "activateRoleAction",
    fixture: (db) => jitSetup(db, { approval: false, activate: false }),
    call: ({ app, fixture }) => app.activateRoleAction(app.initialFormState, form({ relationshipId: fixture.relationshipId, roleId: "helpdesk_admin", hours: "1", justification: "Ticket 1" })),
    judge: formStateJudge((c) => new RegExp(`^/partner/customers/${(c.fixture as { relationshipId: string }).relationshipId}\\?done=activated$`)),
    effect: async ({ db }) => expect((await db.select().from(activations))[0]?.status).toBe("active"),
  }),
  row({
    target: "decideActivationAction",
    fixture: (db) => jitSetup(db, { approval: true, activate: true }),
    call: ({ app, fixture }) => app.decideActivationAction(form({ activationId: fixture.activationId, relationshipId: fixture.relationshipId, approve: "1" })),
    judge: outcomeCodeJudge((c) => relationshipPage((c.fixture as { relationshipId: string }).relationshipId), "activation_approved"),
    effect: async ({ db }) => expect((await db.select().from(activations))[0]?.status).toBe("active"),
  }),
  row({
    target: "revokeActivationAction",
    fixture: (db) => jitSetup(db, { approval: false, activate: true }),
    call: ({ app, fixture }) => app.revokeActivationAction(form({ activationId: fixture.activationId, relationshipId: fixture.relationshipId })),
    judge: outcomeCodeJudge((c) => relationshipPage((c.fixture as { relationshipId: string }).relationshipId), "activation_revoked"),
    effect: async ({ db }) => expect((await db.select().from(activations))[0]?.status).toBe("revoked"),
  }),
  row({
    target: "setPersonBlockedAction",
    fixture: technicianSetup,
    call: ({ app, fixture }) => app.setPersonBlockedAction(form({ relationshipId: fixture.relationshipId, userId: fixture.techUserId, blocked: "1" })),
    judge: outcomeCodeJudge((c) => relationshipPage((c.fixture as { relationshipId: string }).relationshipId), "person_blocked"),
    effect: async ({ db }) => expect(await db.$count(personBlocks)).toBe(1),
  }),
  row({
    target: "GET /api/health",
    fixture: async () => null,
    call: (c) => route(c, "GET /api/health")(new Request("http://localhost:3000/api/health")),
    judge: (c) => responseJudge(c, []),
  }),
  row({
    target: "GET /.well-known/jwks.json",
    fixture: async () => null,
    call: (c) => route(c, "GET /.well-known/jwks.json")(new Request("http://localhost:3000/.well-known/jwks.json")),
    judge: (c) => responseJudge(c, []),
  }),
  ...[
    ["no secret", null],
    ["Bearer INTROSPECTION_SECRET", `Bearer ${INTROSPECTION_SECRET}`],
  ].map(([variant, authorization]) =>
    row({
      target: "POST /api/oauth/introspect",
      variant: variant as string,
      fixture: async () => null,
      call: (c) =>
        route(c, "POST /api/oauth/introspect")(
          new Request("http://localhost:3000/api/oauth/introspect", {
            method: "POST",
            body: new URLSearchParams({ token: "a.b.c" }),
            headers: authorization ? { authorization } : {},
          }),
        ),
      judge: (c) => responseJudge(c, [401]),
      effect: async (c) => expect(await (c.outcome as { value: Response }).value.json()).toEqual({ active: false }),
    }),
  ),
  row({
    target: "POST /api/sample/reset-password",
    variant: "no token",
    fixture: async () => null,
    call: (c) => route(c, "POST /api/sample/reset-password")(new Request("http://localhost:3000/api/sample/reset-password", { method: "POST" })),
    judge: (c) => responseJudge(c, [401]),
  }),
  row({
    target: "endRelationshipAction",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90 }),
    call: ({ app, fixture }) => app.endRelationshipAction(form({ relationshipId: fixture })),
    judge: outcomeCodeJudge((c) => relationshipPage(c.fixture as string), "ended"),
    effect: async ({ db }) => {
      expect((await db.select().from(relationshipTypes)).every((t) => t.terminatedAt)).toBe(true);
      expect((await db.select().from(roleGrants)).every((g) => g.endedAt)).toBe(true);
    },
  }),
  row({
    target: "turnOffAutoExtendAction",
    fixture: (db) => acceptedRelationship(db, { type: "gdap", roles: ["helpdesk_admin"], durationDays: 90, autoExtend: true }),
    call: ({ app, fixture }) => app.turnOffAutoExtendAction(form({ relationshipId: fixture })),
    judge: outcomeCodeJudge((c) => relationshipPage(c.fixture as string), "auto_extend_off"),
    effect: async ({ db }) => expect((await db.select().from(relationshipTypes))[0]?.autoExtend).toBe(false),
  }),
  row({
    target: "setMpsaSharingAction",
    fixture: (db) => acceptedRelationship(db, { type: "mpsa" }, "sales@fabrikam.example"),
    call: ({ app, fixture }) => app.setMpsaSharingAction(form({ relationshipId: fixture, allowed: "on" })),
    judge: outcomeCodeJudge((c) => relationshipPage(c.fixture as string), "mpsa_on"),
    effect: async ({ db }) => expect((await db.select().from(relationships))[0]?.mpsaShareAllowed).toBe(true),
  }),
  row({
    target: "GET /admin/settings/partner-relationships/export",
    fixture: (db) => acceptedRelationship(db, { type: "reseller" }, "sales@fabrikam.example"),
    call: (c) => route(c, "GET /admin/settings/partner-relationships/export")(new Request("http://localhost:3000/admin/settings/partner-relationships/export")),
    judge: async (c) => {
      const verdict = await responseJudge(c, [401, 403]);
      if (verdict === "refused") expect((c.outcome as { value: Response }).value.status).toBe(c.actor === "anonymous" ? 401 : 403);
      return verdict;
    },
    effect: async ({ outcome, actor }) => {
      const response = (outcome as { value: Response }).value;
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const csv = await response.text();
      // Contoso's members see their partner; Northwind's administrator sees none of Contoso's data.
      expect(csv.includes("Fabrikam Partners")).toBe(actor !== "otherCustomerAdmin");
    },
  }),
  activityExportRow("admin", "otherCustomerAdmin", "Fabrikam Partners"),
  activityExportRow("partner", "otherPartnerAgent", "Contoso"),
  readRow("read Partner relationships", (c) => listCustomerRelationships(c.db, c.fixture.read)),
  readRow("read partner details, grants and activity", async (c) => {
    const details = await getRelationshipDetails(c.db, c.fixture.read, c.fixture.relationshipId);
    expect(details?.timeline.length).toBeGreaterThan(0);
    return details;
  }),
  readRow("read activity log", async (c) => {
    const log = await listActivity(c.db, { ...c.fixture.read, side: "customer" }, {});
    expect(log.total).toBeGreaterThan(0);
    return log;
  }),
  readRow("read pending invitations", async (c) => {
    const pending = await listPendingInvitationsFor(c.db, c.fixture.read);
    expect(pending.rows).toHaveLength(1);
    return pending;
  }),
  row({
    target: "addDomainAction",
    fixture: async (db) => ({ contoso: await organizationIdOf(db, "contoso.example") }),
    call: ({ app, fixture }) => app.addDomainAction(app.initialFormState, form({ organizationId: fixture.contoso, domain: "contoso-labs.example" })),
    judge: formStateJudge(() => new RegExp(`^/admin/settings/domains\\?added=${UUID}$`)),
    effect: async ({ db }) => expect(await db.$count(organizationDomains, eq(organizationDomains.domain, "contoso-labs.example"))).toBe(1),
  }),
  // Already verified: Verify answers without asking DNS, so no cell reaches the network.
  row({
    target: "verifyDomainAction",
    fixture: async (db) => {
      const [d] = await db.select().from(organizationDomains).where(eq(organizationDomains.domain, "contoso.example"));
      return { organizationId: d!.organizationId, domainId: d!.id };
    },
    call: ({ app, fixture }) => app.verifyDomainAction(app.initialFormState, form(fixture)),
    judge: formStateJudge((c) => new RegExp(`^/admin/settings/domains\\?verified=${(c.fixture as { domainId: string }).domainId}$`)),
  }),
  row({
    target: "removeDomainAction",
    fixture: async (db) => {
      const organizationId = await organizationIdOf(db, "contoso.example");
      const [d] = await db.insert(organizationDomains).values({ organizationId, domain: "old-name.example", verificationToken: "t" }).returning();
      return { organizationId, domainId: d!.id };
    },
    call: ({ app, fixture }) => app.removeDomainAction(app.initialFormState, form(fixture)),
    judge: formStateJudge(() => /^\/admin\/settings\/domains\?removed=1$/),
    effect: async ({ db }) => expect(await db.$count(organizationDomains, eq(organizationDomains.domain, "old-name.example"))).toBe(0),
  }),
  mailboxRow("mailbox on", undefined),
  mailboxRow("MAILBOX=0", "0"),
  sweepRow("POST", "no secret", null),
  sweepRow("POST", "wrong secret", `Bearer ${CRON_SECRET.replace(/.$/, "x")}`),
  sweepRow("POST", "Bearer CRON_SECRET", `Bearer ${CRON_SECRET}`),
  sweepRow("GET", "no secret", null),
  sweepRow("GET", "Bearer CRON_SECRET", `Bearer ${CRON_SECRET}`),
];

const label = (row: Row) => (row.variant ? `${row.target} (${row.variant})` : row.target);
const isRoute = (target: string) => /^[A-Z]+ \//.test(target);
const isRead = (target: string) => target.startsWith("read ");

let app: App;
let routes: Map<string, AnyFn>;

/** A row's database and fixture, kept for its next cell while no cell changed them (a refused cell changes nothing: asserted). */
interface Prepared {
  db: Db;
  fixture: unknown;
}

async function runCell(row: Row, actor: ActorKey, kept: { current?: Prepared }): Promise<Verdict> {
  if (!kept.current) {
    const fresh = await freshDatabase();
    kept.current = { db: fresh, fixture: await row.fixture(fresh) };
  }
  const { db, fixture } = kept.current;
  const email = ACTORS[actor];
  harness.reset(email ? await userIdOf(db, email) : null);
  const before = await snapshot(db);
  const outcome = await capture(() => row.call({ db, app, routes, fixture, actor }));
  const context = { db, app, routes, fixture, actor, outcome };
  let verdict: Verdict;
  try {
    verdict = await row.judge(context);
  } catch (error) {
    throw new Error(`${label(row)} as ${actor}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (verdict === "refused") {
    expect(await snapshot(db), `${label(row)} as ${actor} was refused but changed the database`).toEqual(before);
    expect(harness.kicks, `${label(row)} as ${actor} was refused but kicked the outbox`).toBe(0);
  } else {
    kept.current = undefined;
    await row.effect?.(context);
  }
  return verdict;
}

describe("authorization matrix", () => {
  beforeAll(async () => {
    vi.stubEnv("CRON_SECRET", CRON_SECRET);
    vi.stubEnv("INTROSPECTION_SECRET", INTROSPECTION_SECRET);
    app = await loadApp();
    routes = await routeHandlerExports(routeFiles().filter((f) => !f.includes("[...nextauth]")));
  });

  afterAll(() => {
    unloadApp();
    vi.unstubAllEnvs();
  });

  it("has a row for every exported server action and every route handler, and an expectation for every row", async () => {
    // Inline "use server" functions inside components would be actions this inventory cannot see.
    expect(inlineServerActionFiles()).toEqual([]);
    const actions = [...(await serverActionExports()).keys()].sort();
    expect([...new Set(ROWS.map((r) => r.target).filter((t) => !isRoute(t) && !isRead(t)))].sort()).toEqual(actions);
    expect([...new Set(ROWS.map((r) => r.target).filter(isRoute))].sort()).toEqual([...routes.keys()].sort());
    expect(ROWS.map(label).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ROWS.map((row) => [label(row), row] as const))("%s", { timeout: 60_000 }, async (_label, row) => {
    const actual = {} as Record<ActorKey, Verdict>;
    const kept: { current?: Prepared } = {};
    for (const actor of ACTOR_KEYS) actual[actor] = await runCell(row, actor, kept);
    expect(actual).toEqual(expectedRow(label(row)));
  });
});
