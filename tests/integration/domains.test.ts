import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, organizationDomains, organizations, users } from "@/db/schema";
import { AuthorizationError, loadActor, type Actor } from "@/lib/authz";
import { verificationRecord, type TxtResolver } from "@/lib/domains/dns";
import { listOrganizationDomains } from "@/lib/domains/queries";
import { addDomainSchema } from "@/lib/domains/schemas";
import { addDomain, MAX_DOMAINS, removeDomain, TAKEN_MESSAGE, verifyDomain } from "@/lib/domains/service";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { invitationAccess } from "@/lib/invitations/rules";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { capture, form, harness, loadApp, snapshot, unloadApp } from "../support/action-harness";
import { actorFor } from "../support/actors";
import { tableCounts } from "../support/db";
import { freshDatabase, userIdOf } from "../support/fixtures";
import { sendTestInvitation } from "../support/invitations";

let db: Db;

/** DNS as a test controls it: the records published per name; never the network. */
function fakeDns(published: Record<string, string[][]> = {}) {
  const asked: string[] = [];
  const resolveTxt: TxtResolver = async (name) => {
    asked.push(name);
    const records = published[name];
    if (!records) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    return records;
  };
  return { resolveTxt, asked, published };
}

async function orgId(name: string) {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return org!.id;
}

async function add(actor: Actor | null, organizationId: string, domain: string) {
  return addDomain(db, actor, addDomainSchema.parse({ organizationId, domain }));
}

/** Publishes the organization's record for the domain, as its DNS administrator would. */
async function publish(dns: ReturnType<typeof fakeDns>, domainId: string) {
  const [row] = await db.select().from(organizationDomains).where(eq(organizationDomains.id, domainId));
  const record = verificationRecord(row!.domain, row!.verificationToken);
  dns.published[record.name] = [...(dns.published[record.name] ?? []), [record.value]];
  return record;
}

function idOf(result: Awaited<ReturnType<typeof addDomain>>): string {
  if (!result.ok) throw new Error(result.message);
  return result.domainId;
}

describe("organization domains", () => {
  let contoso: string;
  let admin: Actor;

  beforeEach(async () => {
    db = await freshDatabase();
    contoso = await orgId("Contoso");
    admin = await actorFor(db, "admin@contoso.example");
  });

  it("seeds the demo domains verified", async () => {
    const rows = await db.select().from(organizationDomains);
    expect(rows.map((r) => [r.domain, Boolean(r.verifiedAt)]).sort()).toEqual([
      ["adatum.example", true],
      ["contoso.example", true],
      ["fabrikam.example", true],
      ["northwind.example", true],
    ]);
  });

  it("adds a domain, shows the record to publish, verifies it through DNS and audits each step once", async () => {
    const dns = fakeDns();
    const first = await add(admin, contoso, "  Contoso-Labs.Example. ");
    expect(first).toMatchObject({ ok: true, code: "added" });
    const again = await add(admin, contoso, "contoso-labs.example");
    expect(again).toEqual({ ok: true, code: "already_listed", domainId: idOf(first) });
    const listed = (await listOrganizationDomains(db, contoso)).find((d) => d.id === idOf(first));
    expect(listed).toMatchObject({ domain: "contoso-labs.example", verifiedAt: null, record: { type: "TXT", name: "_partnerships.contoso-labs.example" } });
    expect(listed!.record.value).toMatch(/^partnerships-verification=[0-9a-f]{64}$/);

    const ref = { organizationId: contoso, domainId: idOf(first) };
    const before = await tableCounts(db);
    expect(await verifyDomain(db, admin, ref, { resolveTxt: dns.resolveTxt })).toMatchObject({ ok: false, code: "not_published", message: expect.stringContaining("_partnerships.contoso-labs.example") });
    expect(dns.asked).toEqual(["_partnerships.contoso-labs.example"]);
    expect(await tableCounts(db)).toEqual(before);

    // Another organization's token, or one long value split into strings as DNS may return it.
    dns.published["_partnerships.contoso-labs.example"] = [["partnerships-verification=" + "0".repeat(64)], ["v=spf1 -all"]];
    expect((await verifyDomain(db, admin, ref, { resolveTxt: dns.resolveTxt })).code).toBe("not_published");
    const record = verificationRecord("contoso-labs.example", listed!.record.value.split("=")[1]!);
    dns.published[record.name]!.push([record.value.slice(0, 30), record.value.slice(30)]);
    const [a, b] = await Promise.all([verifyDomain(db, admin, ref, { resolveTxt: dns.resolveTxt }), verifyDomain(db, admin, ref, { resolveTxt: dns.resolveTxt })]);
    expect([a.code, b.code].sort()).toEqual(["already_verified", "verified"]);
    const [row] = await db.select().from(organizationDomains).where(eq(organizationDomains.id, ref.domainId));
    expect(row).toMatchObject({ verifiedById: admin.userId });
    expect(row!.verifiedAt).toBeInstanceOf(Date);

    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.organizationId, contoso))).map((e) => e.action);
    expect(actions.sort()).toEqual(["domain.added", "domain.verified"]);
    expect(await removeDomain(db, admin, ref)).toMatchObject({ ok: false, code: "verified" });
  });

  it("tells a DNS failure apart from a missing record, and changes nothing", async () => {
    const ref = { organizationId: contoso, domainId: idOf(await add(admin, contoso, "contoso-labs.example")) };
    const before = await tableCounts(db);
    const timeout: TxtResolver = async () => {
      throw Object.assign(new Error("queryTxt ETIMEOUT"), { code: "ETIMEOUT" });
    };
    expect(await verifyDomain(db, admin, ref, { resolveTxt: timeout })).toMatchObject({ ok: false, code: "dns_unavailable", message: expect.stringMatching(/Try again/) });
    const nodata: TxtResolver = async () => {
      throw Object.assign(new Error("queryTxt ENODATA"), { code: "ENODATA" });
    };
    expect((await verifyDomain(db, admin, ref, { resolveTxt: nodata })).code).toBe("not_published");
    expect(await tableCounts(db)).toEqual(before);
  });

  it("lets one organization verify a domain: the other is told it is taken, without being told by whom", async () => {
    const northwind = await orgId("Northwind Traders");
    const northwindAdmin = await actorFor(db, "admin@northwind.example");
    // A domain verified elsewhere can't even be listed.
    const before = await tableCounts(db);
    expect(await add(northwindAdmin, northwind, "CONTOSO.example")).toEqual({ ok: false, code: "taken", message: TAKEN_MESSAGE, fieldErrors: { domain: [TAKEN_MESSAGE] } });
    expect(await tableCounts(db)).toEqual(before);

    // Both list shared.example and both publish their record; both click Verify at once.
    const dns = fakeDns();
    const mine = { organizationId: contoso, domainId: idOf(await add(admin, contoso, "shared.example")) };
    const theirs = { organizationId: northwind, domainId: idOf(await add(northwindAdmin, northwind, "shared.example")) };
    await publish(dns, mine.domainId);
    await publish(dns, theirs.domainId);
    const results = await Promise.all([
      verifyDomain(db, admin, mine, { resolveTxt: dns.resolveTxt }),
      verifyDomain(db, northwindAdmin, theirs, { resolveTxt: dns.resolveTxt }),
    ]);
    expect(results.map((r) => r.code).sort()).toEqual(["taken", "verified"]);
    const loser = results.find((r) => !r.ok)!;
    expect(loser).toMatchObject({ message: TAKEN_MESSAGE });
    expect(JSON.stringify(loser)).not.toMatch(/Contoso|Northwind/);
    const verified = await db.select().from(organizationDomains).where(eq(organizationDomains.domain, "shared.example"));
    expect(verified.filter((d) => d.verifiedAt)).toHaveLength(1);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "domain.verified"))).toBe(1);
    // Asking again keeps the answer.
    const again = results[0]!.ok ? await verifyDomain(db, northwindAdmin, theirs, { resolveTxt: dns.resolveTxt }) : await verifyDomain(db, admin, mine, { resolveTxt: dns.resolveTxt });
    expect(again.code).toBe("taken");
  });

  it("holds one verified owner per domain in the database, not only in code", async () => {
    const northwind = await orgId("Northwind Traders");
    await expect(
      db.insert(organizationDomains).values({ organizationId: northwind, domain: "contoso.example", verificationToken: "t", verifiedAt: new Date() }),
    ).rejects.toThrow();
    await expect(db.insert(organizationDomains).values({ organizationId: northwind, domain: "Upper.Example", verificationToken: "t" })).rejects.toThrow();
  });

  it("removes an unverified domain once, and keeps other organizations' rows out of reach", async () => {
    const ref = { organizationId: contoso, domainId: idOf(await add(admin, contoso, "old-name.example")) };
    const northwindAdmin = await actorFor(db, "admin@northwind.example");
    const northwind = await orgId("Northwind Traders");
    // Northwind's administrator, naming Contoso's row under Northwind: not found, nothing changes.
    const before = await tableCounts(db);
    expect((await verifyDomain(db, northwindAdmin, { organizationId: northwind, domainId: ref.domainId }, { resolveTxt: fakeDns().resolveTxt })).code).toBe("not_found");
    expect((await removeDomain(db, northwindAdmin, { organizationId: northwind, domainId: ref.domainId })).code).toBe("already_removed");
    expect(await tableCounts(db)).toEqual(before);

    expect(await removeDomain(db, admin, ref)).toMatchObject({ ok: true, code: "removed" });
    expect(await removeDomain(db, admin, ref)).toMatchObject({ ok: true, code: "already_removed" });
    expect(await db.$count(organizationDomains, eq(organizationDomains.id, ref.domainId))).toBe(0);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "domain.removed"))).toBe(1);
    expect((await verifyDomain(db, admin, ref, { resolveTxt: fakeDns().resolveTxt })).code).toBe("not_found");
  });

  it(`lists at most ${MAX_DOMAINS} domains per organization`, async () => {
    const northwind = await orgId("Northwind Traders");
    const northwindAdmin = await actorFor(db, "admin@northwind.example");
    for (let i = 1; i < MAX_DOMAINS; i++) expect((await add(northwindAdmin, northwind, `d${i}.example`)).ok).toBe(true);
    expect(await add(northwindAdmin, northwind, "one-more.example")).toMatchObject({ ok: false, code: "too_many", fieldErrors: { domain: [expect.stringMatching(/up to 20/)] } });
  });

  it.each([
    ["a Billing administrator", "billing@contoso.example"],
    ["a Helpdesk administrator", "helpdesk@contoso.example"],
    ["a user without an admin role", "user@contoso.example"],
    ["another customer's Global administrator", "admin@northwind.example"],
    ["a partner admin agent", "agent@fabrikam.example"],
  ])("refuses %s, changing nothing", async (_who, email) => {
    const ref = { organizationId: contoso, domainId: idOf(await add(admin, contoso, "contoso-labs.example")) };
    const dns = fakeDns();
    await publish(dns, ref.domainId);
    const before = await tableCounts(db);
    const actor = await actorFor(db, email);
    await expect(add(actor, contoso, "evil.example")).rejects.toThrow(AuthorizationError);
    await expect(verifyDomain(db, actor, ref, { resolveTxt: dns.resolveTxt })).rejects.toThrow(AuthorizationError);
    await expect(removeDomain(db, actor, ref)).rejects.toThrow(AuthorizationError);
    await expect(verifyDomain(db, null, ref, { resolveTxt: dns.resolveTxt })).rejects.toThrow(AuthorizationError);
    expect(dns.asked).toEqual([]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("once verified, routes the domain's invitations to the organization that claimed it from an invitation (issue 13, item 4)", async () => {
    const first = await sendTestInvitation(db, { customerEmail: "first@mailhost.example", type: "reseller" }, "sales@fabrikam.example");
    const [user] = await db.insert(users).values({ email: "first@mailhost.example" }).returning();
    expect((await acceptInvitation(db, await loadActor(db, user!.id), first.token, { acknowledged: true })).ok).toBe(true);
    const claimant = (await loadActor(db, user!.id))!;
    const mailhost = claimant.memberships[0]!.organizationId;
    const [claimed] = await listOrganizationDomains(db, mailhost);
    expect(claimed).toMatchObject({ domain: "mailhost.example", verifiedAt: null });

    const cfo = await sendTestInvitation(db, { customerEmail: "cfo@mailhost.example" });
    const access = async () => {
      const found = await findInvitationByToken(db, cfo.token);
      return invitationAccess(claimant, found!.invitation, found!.addressee).kind;
    };
    expect(await access()).toBe("not-for-you");
    const dns = fakeDns();
    await publish(dns, claimed!.id);
    expect((await verifyDomain(db, claimant, { organizationId: mailhost, domainId: claimed!.id }, { resolveTxt: dns.resolveTxt })).code).toBe("verified");
    expect(await access()).toBe("allowed");
  });
});

describe("domain actions, as a browser submits them", () => {
  type DomainActions = typeof import("@/lib/domains/actions");
  let actions: DomainActions;
  let initialFormState: { ok: boolean };
  const dns = fakeDns();

  beforeAll(async () => {
    // The actions use the system resolver; here it is the fake one, so no test ever reaches the network.
    vi.doMock("@/lib/domains/dns", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/domains/dns")>()), systemTxtResolver: dns.resolveTxt }));
    const app = await loadApp();
    initialFormState = app.initialFormState;
    actions = await import("@/lib/domains/actions");
  });

  afterAll(() => {
    vi.doUnmock("@/lib/domains/dns");
    unloadApp();
  });

  const ACTORS = [
    null,
    "user@contoso.example",
    "helpdesk@contoso.example",
    "billing@contoso.example",
    "admin@contoso.example",
    "admin@northwind.example",
    "sales@fabrikam.example",
    "agent@fabrikam.example",
    "agent@adatum.example",
  ] as const;

  async function as(email: string | null) {
    harness.reset(email ? await userIdOf(db, email) : null);
  }

  it("lets only a Global administrator of the organization add, verify and remove; a refusal changes nothing", async () => {
    const outcomes: Record<string, string[]> = {};
    for (const email of ACTORS) {
      db = await freshDatabase();
      const contoso = await orgId("Contoso");
      const admin = await actorFor(db, "admin@contoso.example");
      const listed = idOf(await add(admin, contoso, "listed.example"));
      const toVerify = idOf(await add(admin, contoso, "to-verify.example"));
      await publish(dns, toVerify);
      await as(email);
      const row: string[] = [];
      for (const run of [
        () => actions.addDomainAction(initialFormState, form({ organizationId: contoso, domain: "new.example" })),
        () => actions.verifyDomainAction(initialFormState, form({ organizationId: contoso, domainId: toVerify })),
        () => actions.removeDomainAction(initialFormState, form({ organizationId: contoso, domainId: listed })),
      ]) {
        const before = await snapshot(db);
        const outcome = await capture(run);
        if (outcome.kind === "redirect") {
          expect(outcome.url).toMatch(/^\/admin\/settings\/domains\?(added=[0-9a-f-]{36}|verified=[0-9a-f-]{36}|removed=1)$/);
          row.push("A");
        } else {
          expect(outcome).toMatchObject({ kind: "returned", value: { ok: false, message: expect.stringMatching(/Global administrator/) } });
          expect(await snapshot(db)).toEqual(before);
          row.push("R");
        }
      }
      outcomes[email ?? "anonymous"] = row;
    }
    expect(outcomes).toEqual({
      anonymous: ["R", "R", "R"],
      "user@contoso.example": ["R", "R", "R"],
      "helpdesk@contoso.example": ["R", "R", "R"],
      "billing@contoso.example": ["R", "R", "R"],
      "admin@contoso.example": ["A", "A", "A"],
      "admin@northwind.example": ["R", "R", "R"],
      "sales@fabrikam.example": ["R", "R", "R"],
      "agent@fabrikam.example": ["R", "R", "R"],
      "agent@adatum.example": ["R", "R", "R"],
    });
  });

  it("refuses a bad domain with a message on the field and writes nothing; a good one twice makes one row", async () => {
    db = await freshDatabase();
    const contoso = await orgId("Contoso");
    await as("admin@contoso.example");
    const hostile = [
      "",
      "   ",
      "localhost",
      "admin@contoso.example",
      "https://contoso.example/",
      "contoso..example",
      ".contoso.example",
      "-contoso.example",
      "contoso-.example",
      "contoso.example\u202e",
      "\u202econtoso.example",
      "contoso\u0000.example",
      "con toso.example",
      "bücher.example",
      "10.0.0.1",
      `${"a".repeat(64)}.example`,
      `${"a".repeat(60)}.`.repeat(5) + "example",
      "x".repeat(300),
      "<script>alert(1)</script>.example",
    ];
    for (const domain of hostile) {
      const before = await snapshot(db);
      const outcome = await capture(() => actions.addDomainAction(initialFormState, form({ organizationId: contoso, domain })));
      expect(outcome, JSON.stringify(domain)).toMatchObject({ kind: "returned", value: { ok: false, fieldErrors: { domain: [expect.any(String)] } } });
      expect(await snapshot(db)).toEqual(before);
    }
    // A forged or stale hidden field is not a field error.
    for (const organizationId of ["", "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const outcome = await capture(() => actions.addDomainAction(initialFormState, form({ organizationId, domain: "ok.example" })));
      expect(outcome).toMatchObject({ kind: "returned", value: { ok: false, message: expect.any(String) } });
    }
    for (const domainId of ["", "x", "00000000-0000-4000-8000-000000000000"]) {
      for (const action of [actions.verifyDomainAction, actions.removeDomainAction]) {
        const outcome = await capture(() => action(initialFormState, form({ organizationId: contoso, domainId })));
        if (outcome.kind === "redirect") expect(outcome.url).toBe("/admin/settings/domains?removed=1");
        else expect(outcome).toMatchObject({ kind: "returned", value: { ok: false, message: expect.any(String) } });
      }
    }
    const a = await capture(() => actions.addDomainAction(initialFormState, form({ organizationId: contoso, domain: "Good-Name.example" })));
    const b = await capture(() => actions.addDomainAction(initialFormState, form({ organizationId: contoso, domain: "good-name.example." })));
    expect(a).toEqual(b);
    expect(await db.$count(organizationDomains, eq(organizationDomains.domain, "good-name.example"))).toBe(1);
  });

  it("never errors on any typed domain: a row is added only for a well-formed hostname", async () => {
    db = await freshDatabase();
    const contoso = await orgId("Contoso");
    await as("admin@contoso.example");
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom("\u202e", "\u2066", "\u0000", "\ud800", ".", "-", "@", "/", "xn--", "A", "é", " "),
      fc.stringMatching(/^[a-z0-9-]{1,70}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(".")), async (domain) => {
        const before = await tableCounts(db);
        const outcome = await capture(() => actions.addDomainAction(initialFormState, form({ organizationId: contoso, domain })));
        if (outcome.kind === "redirect") {
          const id = outcome.url.split("added=")[1]!;
          const [row] = await db.select().from(organizationDomains).where(eq(organizationDomains.id, id));
          expect(row!.domain).toMatch(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/);
          expect(row!.domain.length).toBeLessThanOrEqual(253);
        } else {
          expect(outcome).toMatchObject({ kind: "returned", value: { ok: false, fieldErrors: { domain: [expect.any(String)] } } });
          expect(await tableCounts(db)).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
