import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, organizations, partnerProfiles, users } from "@/db/schema";
import { seedDatabase, seedIfEmpty } from "@/seed/demo";
import { SIZE_BANDS } from "@/seed/partners";
import { resetDatabase, tableCounts } from "../support/db";

describe("seed", () => {
  it("fills the directory across countries and every size band", async () => {
    const db = await resetDatabase().then(async (fresh) => (await seedDatabase(fresh), fresh));
    const profiles = await db.select().from(partnerProfiles);
    expect(profiles.length).toBeGreaterThanOrEqual(200);
    expect(new Set(profiles.flatMap((p) => p.countries)).size).toBeGreaterThanOrEqual(15);
    for (const band of SIZE_BANDS) expect(profiles.filter((p) => p.sizesServed.includes(band)).length).toBeGreaterThan(5);
    const usSecurityMid = profiles.filter(
      (p) => p.countries.includes("US") && p.sizesServed.includes("50-249") && p.services.some((s) => /security/i.test(s)),
    );
    expect(usSecurityMid.length).toBeGreaterThanOrEqual(3);
    const germanMigration = profiles.filter((p) => p.countries.includes("DE") && p.services.some((s) => /migration/i.test(s)));
    expect(germanMigration.length).toBeGreaterThanOrEqual(3);
  });

  it("creates the demo accounts with their admin roles", async () => {
    const db = await resetDatabase().then(async (fresh) => (await seedDatabase(fresh), fresh));
    const rows = await db
      .select({ email: users.email, roles: memberships.roles, org: organizations.name, kind: organizations.kind })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId));
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    expect(byEmail.get("admin@contoso.example")).toMatchObject({ org: "Contoso", kind: "customer", roles: ["global_admin"] });
    expect(byEmail.get("billing@contoso.example")?.roles).toEqual(["billing_admin"]);
    expect(byEmail.get("helpdesk@contoso.example")?.roles).toEqual(["helpdesk_admin"]);
    expect(byEmail.get("user@contoso.example")?.roles).toEqual([]);
    expect(byEmail.get("admin@northwind.example")).toMatchObject({ org: "Northwind Traders", roles: ["global_admin"] });
    expect(byEmail.get("agent@fabrikam.example")).toMatchObject({ org: "Fabrikam Partners", kind: "partner", roles: ["admin_agent"] });
    expect(byEmail.get("sales@fabrikam.example")?.roles).toEqual(["sales_agent"]);
    expect(byEmail.get("agent@adatum.example")).toMatchObject({ org: "Adatum Consulting", roles: ["admin_agent"] });
  });

  it("is idempotent", async () => {
    const db = await resetDatabase();
    await seedDatabase(db);
    const before = await tableCounts(db);
    await seedDatabase(db);
    expect(await tableCounts(db)).toEqual(before);
    expect(await seedIfEmpty(db)).toBeNull();
    expect(before.agreements).toBe(1);
  });
});
