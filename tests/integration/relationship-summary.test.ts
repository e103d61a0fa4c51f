import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations, relationshipTypes, relationships, roleGrants, type RelationshipType } from "@/db/schema";
import { customerRelationshipBatches, listCustomerRelationships, listPartnerCustomers } from "@/lib/relationships/queries";
import { LIST_PAGE_SIZE, parseListQuery, parsePartnerCustomersQuery } from "@/lib/relationships/rules";
import { DIRECTORY_ROLES } from "@/lib/roles";
import { agentOf, readerOf } from "../support/actors";
import { resetDatabase } from "../support/db";

/*
 * The list summary on each relationship (migration 0015) is written by the database's triggers,
 * whoever changes types, grants or names. These tests hold it equal to what the rows say.
 */

let db: Db;
const DAY = 86_400_000;
const TYPES: RelationshipType[] = ["gdap", "reseller", "delegated_admin", "reseller_delegated_admin", "advisor", "mpsa"];
const ROLE_IDS = DIRECTORY_ROLES.map((r) => r.id);

async function organization(kind: "customer" | "partner", name: string): Promise<string> {
  const [row] = await db.insert(organizations).values({ kind, name }).returning({ id: organizations.id });
  return row!.id;
}

/** What the summary must say, computed from the rows in TypeScript. */
async function expected(relationshipId: string) {
  const types = await db.select().from(relationshipTypes).where(eq(relationshipTypes.relationshipId, relationshipId));
  const grants = (await db.select().from(roleGrants).where(eq(roleGrants.relationshipId, relationshipId))).filter((g) => !g.endedAt);
  const gdap = types.find((t) => t.type === "gdap");
  const roles = [...new Set(grants.map((g) => g.roleId))];
  const order = ["gdap", "reseller", "delegated_admin", "reseller_delegated_admin", "advisor", "mpsa", "lob", "partner"];
  return {
    types: types
      .filter((t) => !t.terminatedAt)
      .map((t) => t.type)
      .sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    gdapRank: !gdap ? 2 : gdap.terminatedAt ? 0 : gdap.endsAt ? 1 : 3,
    gdapEndsAt: gdap?.endsAt ?? null,
    gdapTerminatedAt: gdap?.terminatedAt ?? null,
    roleCount: roles.length,
    topRoleRank: Math.max(0, ...roles.map((id) => DIRECTORY_ROLES.find((r) => r.id === id)!.rank)),
  };
}

async function summary(relationshipId: string) {
  const [row] = await db
    .select({
      types: relationships.types,
      gdapRank: relationships.gdapRank,
      gdapEndsAt: relationships.gdapEndsAt,
      gdapTerminatedAt: relationships.gdapTerminatedAt,
      roleCount: relationships.roleCount,
      topRoleRank: relationships.topRoleRank,
    })
    .from(relationships)
    .where(eq(relationships.id, relationshipId));
  return row;
}

describe("the relationship list summary", () => {
  beforeEach(async () => {
    db = await resetDatabase();
  });

  it("ranks every built-in role in SQL as lib/roles.ts does", async () => {
    for (const role of DIRECTORY_ROLES) {
      const rows = await db.execute(sql`select directory_role_rank(${role.id}) as rank`);
      expect(Number((rows as unknown as { rows: { rank: number }[] }).rows[0]!.rank), role.id).toBe(role.rank);
    }
  });

  it("follows any sequence of changes to types and grants, and renames", async () => {
    const customer = await organization("customer", "Contoso");
    const partner = await organization("partner", "Fabrikam");
    const [rel] = await db.insert(relationships).values({ customerOrganizationId: customer, partnerOrganizationId: partner }).returning();
    expect(rel).toMatchObject({ partnerName: "Fabrikam", customerName: "Contoso", types: [], gdapRank: 2, roleCount: 0 });
    const id = rel!.id;

    const op = fc.oneof(
      fc.record({ kind: fc.constant("addType" as const), type: fc.constantFrom(...TYPES), endsInDays: fc.option(fc.integer({ min: -30, max: 700 })) }),
      fc.record({ kind: fc.constant("terminateType" as const), type: fc.constantFrom(...TYPES) }),
      fc.record({ kind: fc.constant("deleteType" as const), type: fc.constantFrom(...TYPES) }),
      fc.record({ kind: fc.constant("grant" as const), role: fc.constantFrom(...ROLE_IDS), via: fc.constantFrom<RelationshipType>("gdap", "delegated_admin", "reseller_delegated_admin") }),
      fc.record({ kind: fc.constant("endGrant" as const), role: fc.constantFrom(...ROLE_IDS) }),
      fc.record({ kind: fc.constant("rename" as const), name: fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/\0/g, "")) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        await db.delete(roleGrants);
        await db.delete(relationshipTypes);
        for (const o of ops) {
          if (o.kind === "addType") {
            await db
              .insert(relationshipTypes)
              .values({ relationshipId: id, type: o.type, endsAt: o.type === "gdap" && o.endsInDays !== null ? new Date(Date.now() + o.endsInDays * DAY) : null })
              .onConflictDoNothing();
          } else if (o.kind === "terminateType") {
            await db.update(relationshipTypes).set({ terminatedAt: new Date() }).where(sql`${relationshipTypes.relationshipId} = ${id} and ${relationshipTypes.type} = ${o.type}`);
          } else if (o.kind === "deleteType") {
            await db.delete(relationshipTypes).where(sql`${relationshipTypes.relationshipId} = ${id} and ${relationshipTypes.type} = ${o.type}`);
          } else if (o.kind === "grant") {
            await db.insert(roleGrants).values({ relationshipId: id, roleId: o.role, viaType: o.via }).onConflictDoNothing();
          } else if (o.kind === "endGrant") {
            await db.update(roleGrants).set({ endedAt: new Date(), endReason: "removed" }).where(sql`${roleGrants.relationshipId} = ${id} and ${roleGrants.roleId} = ${o.role} and ${roleGrants.endedAt} is null`);
          } else {
            await db.update(organizations).set({ name: o.name }).where(eq(organizations.id, partner));
          }
        }
        expect(await summary(id)).toEqual(await expected(id));
        const [names] = await db.select({ partnerName: relationships.partnerName }).from(relationships).where(eq(relationships.id, id));
        const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, partner));
        expect(names?.partnerName).toBe(org?.name);
      }),
      { numRuns: 25 },
    );
  });

  it("pages, sorts and searches in SQL: page 2 is rows 51–100, a page past the end is the last, LIKE characters are literal", async () => {
    const customer = await organization("customer", "Contoso");
    // 120 partners named "Partner 000" … "Partner 119", one of them "50% Off_Partner".
    await db.execute(sql`
      with p as (
        insert into organizations (kind, name)
        select 'partner', case when i = 7 then '50% Off_Partner' else 'Partner ' || lpad(i::text, 3, '0') end from generate_series(0, 119) i
        returning id
      )
      insert into relationships (customer_organization_id, partner_organization_id) select ${customer}, id from p`);
    const read = readerOf(customer);
    const all = (await db.select({ name: relationships.partnerName }).from(relationships)).map((r) => r.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

    const page2 = await listCustomerRelationships(db, read, parseListQuery({ page: "2" }));
    expect(page2).toMatchObject({ page: 2, pageCount: 3, total: 120, capped: false });
    expect(page2.rows.map((r) => r.partnerName)).toEqual(all.slice(LIST_PAGE_SIZE, 2 * LIST_PAGE_SIZE));
    const past = await listCustomerRelationships(db, read, parseListQuery({ page: "99" }));
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.partnerName)).toEqual(all.slice(2 * LIST_PAGE_SIZE));
    const desc = await listCustomerRelationships(db, read, parseListQuery({ dir: "desc" }));
    expect(desc.rows[0]?.partnerName).toBe(all[all.length - 1]);

    expect((await listCustomerRelationships(db, read, parseListQuery({ q: "50%" }))).rows.map((r) => r.partnerName)).toEqual(["50% Off_Partner"]);
    expect((await listCustomerRelationships(db, read, parseListQuery({ q: "f_p" }))).rows.map((r) => r.partnerName)).toEqual(["50% Off_Partner"]);
    expect((await listCustomerRelationships(db, read, parseListQuery({ q: "_" }))).total).toBe(1);

    // The export reads every row, in batches, in name order.
    const exported: string[] = [];
    let batches = 0;
    for await (const batch of customerRelationshipBatches(db, read, {})) {
      batches += 1;
      exported.push(...batch.map((r) => r.partnerName));
    }
    expect(exported).toEqual(all);
    expect(batches).toBe(1);

    // Another organization's reader sees none of it; the partner side sees its one customer.
    const other = await organization("customer", "Northwind");
    expect((await listCustomerRelationships(db, readerOf(other))).total).toBe(0);
    const [first] = await db.select({ partner: relationships.partnerOrganizationId }).from(relationships).limit(1);
    const customers = await listPartnerCustomers(db, agentOf(first!.partner), parsePartnerCustomersQuery({ q: "contoso" }));
    expect(customers.rows.map((c) => c.customerName)).toEqual(["Contoso"]);
  });

  it("streams an export of more rows than a batch in several batches", async () => {
    const customer = await organization("customer", "Contoso");
    await db.execute(sql`
      with p as (insert into organizations (kind, name) select 'partner', 'P' || lpad(i::text, 5, '0') from generate_series(1, 2500) i returning id)
      insert into relationships (customer_organization_id, partner_organization_id) select ${customer}, id from p`);
    let rows = 0;
    let batches = 0;
    let last = "";
    for await (const batch of customerRelationshipBatches(db, readerOf(customer), {})) {
      batches += 1;
      for (const r of batch) {
        expect(r.partnerName > last).toBe(true);
        last = r.partnerName;
      }
      rows += batch.length;
    }
    expect({ rows, batches }).toEqual({ rows: 2500, batches: 13 });
  });
});
