/**
 * The admin center's agreement banner (on every admin page) asks to accept the agreement in force
 * when the organization works with partners or accepted an older version, and says nothing
 * otherwise: now in one query.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agreementAcceptances, agreements, relationships } from "@/db/schema";
import { agreementReminder } from "@/lib/agreements/queries";
import { actorFor } from "../support/actors";
import { freshDatabase, organizationIdOf, userIdOf } from "../support/fixtures";

const DAY = 86_400_000;

describe("the admin center's agreement banner", () => {
  let db: Db;
  let contoso: string;
  let current: { id: string; version: string };

  beforeEach(async () => {
    db = await freshDatabase();
    contoso = await organizationIdOf(db, "contoso.example");
    const [row] = await db.select({ id: agreements.id, version: agreements.version }).from(agreements);
    current = row!;
  });

  const reminderFor = async (email: string, now?: Date) => agreementReminder(db, await actorFor(db, email), now);

  async function accept(agreementId: string) {
    await db.insert(agreementAcceptances).values({ agreementId, organizationId: contoso, acceptedById: await userIdOf(db, "admin@contoso.example") });
  }

  async function newVersion(publishedAt: Date) {
    const [row] = await db.insert(agreements).values({ version: "2099-01", title: "Customer Agreement", body: "Changed.", publishedAt }).returning();
    return row!;
  }

  it("says nothing to an organization that neither works with partners nor accepted a version", async () => {
    expect(await reminderFor("admin@contoso.example")).toBeNull();
  });

  it("asks an organization that works with a partner to accept the agreement in force", async () => {
    const fabrikam = await organizationIdOf(db, "fabrikam.example");
    await db.insert(relationships).values({ customerOrganizationId: contoso, partnerOrganizationId: fabrikam });
    expect(await reminderFor("reader@contoso.example")).toEqual({ organizationName: "Contoso", newVersion: null });
    await accept(current.id);
    expect(await reminderFor("reader@contoso.example")).toBeNull();
  });

  it("names the new version to an organization that accepted an older one, once it is in force", async () => {
    await accept(current.id);
    const published = new Date(Date.now() + DAY);
    const next = await newVersion(published);
    expect(await reminderFor("admin@contoso.example")).toBeNull();
    expect(await reminderFor("admin@contoso.example", new Date(published.getTime() + 1000))).toEqual({ organizationName: "Contoso", newVersion: next.version });
  });

  it("is for those who read the organization's partners only", async () => {
    await accept(current.id);
    await newVersion(new Date(Date.now() - 1000));
    expect(await reminderFor("billing@contoso.example")).toMatchObject({ newVersion: "2099-01" });
    expect(await reminderFor("helpdesk@contoso.example")).toBeNull();
    expect(await reminderFor("agent@fabrikam.example")).toBeNull();
    expect(await agreementReminder(db, null)).toBeNull();
  });

  it("says nothing while no agreement is published", async () => {
    await db.delete(agreements).where(eq(agreements.id, current.id));
    expect(await reminderFor("admin@contoso.example")).toBeNull();
  });
});
