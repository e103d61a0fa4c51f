import { inArray } from "drizzle-orm";
import { pathToFileURL } from "node:url";
import { profileKeywords } from "@/lib/partners/keywords";
import { refreshSearchVocabulary } from "@/lib/partners/search";
import type { Db, DbOrTx } from "@/db/client";
import { newVerificationToken } from "@/lib/domains/dns";
import { agreements, memberships, organizationDomains, organizations, partnerProfiles, users, type NewPartnerProfile } from "@/db/schema";
import { CURRENT_AGREEMENT } from "./agreement";
import { generatePartners, type GeneratedPartner } from "./partners";

export const DEMO_CUSTOMERS = [
  { name: "Contoso", domain: "contoso.example", country: "US", sizeBand: "1000-9999" },
  { name: "Northwind Traders", domain: "northwind.example", country: "GB", sizeBand: "250-999" },
] as const;

export const DEMO_USERS = [
  { email: "admin@contoso.example", name: "Megan Bowen", org: "contoso.example", roles: ["global_admin"] },
  { email: "billing@contoso.example", name: "Alex Wilber", org: "contoso.example", roles: ["billing_admin"] },
  { email: "helpdesk@contoso.example", name: "Diego Siciliani", org: "contoso.example", roles: ["helpdesk_admin"] },
  { email: "reader@contoso.example", name: "Adele Vance", org: "contoso.example", roles: ["global_reader"] },
  { email: "user@contoso.example", name: "Lynne Robbins", org: "contoso.example", roles: [] },
  { email: "admin@northwind.example", name: "Nestor Wilke", org: "northwind.example", roles: ["global_admin"] },
  { email: "agent@fabrikam.example", name: "Patti Fernandez", org: "fabrikam.example", roles: ["admin_agent"] },
  { email: "sales@fabrikam.example", name: "Isaiah Langer", org: "fabrikam.example", roles: ["sales_agent"] },
  { email: "agent@adatum.example", name: "Johanna Lorenz", org: "adatum.example", roles: ["admin_agent"] },
] as const;

const DEMO_PARTNERS: GeneratedPartner[] = [
  {
    slug: "fabrikam-partners",
    name: "Fabrikam Partners",
    domain: "fabrikam.example",
    headline: "Security-first managed services and Microsoft 365 licensing for growing businesses",
    description:
      "Fabrikam Partners runs identity, security and device management for mid-sized organizations across the United States and Canada. Our admin team works with least-privilege, time-bound access and hands every change back with a report. We also resell Microsoft 365 and help teams adopt Teams voice.",
    services: ["Security", "Identity & access management", "Microsoft 365 licensing", "Device management", "Teams voice & calling", "Managed IT services"],
    industries: ["Financial services", "Healthcare", "Professional services"],
    certifications: ["Solutions Partner for Security", "Solutions Partner for Modern Work", "SOC 2 Type II"],
    sizesServed: ["10-49", "50-249", "250-999", "1000-9999"],
    locations: [
      { country: "US", city: "Seattle" },
      { country: "US", city: "Chicago" },
      { country: "CA", city: "Vancouver" },
    ],
    website: "https://www.fabrikam.example",
    contactEmail: "hello@fabrikam.example",
    contactPhone: "+1 206 555 0142",
    employeeCount: 180,
    rating: 4.8,
    reviewCount: 128,
    yearFounded: 2004,
  },
  {
    slug: "adatum-consulting",
    name: "Adatum Consulting",
    domain: "adatum.example",
    headline: "Cloud migration, compliance and training for organizations in Germany and Austria",
    description:
      "Adatum Consulting moves mail, files and line-of-business workloads to the cloud for organizations in Munich, Berlin and Vienna. We pair every migration with compliance and data governance work and train your people so the change sticks.",
    services: ["Cloud migration", "Email migration", "Compliance", "Data governance", "Training & adoption"],
    industries: ["Manufacturing", "Government", "Education"],
    certifications: ["Solutions Partner for Infrastructure (Azure)", "ISO 27001"],
    sizesServed: ["50-249", "250-999", "1000-9999", "10000+"],
    locations: [
      { country: "DE", city: "Munich" },
      { country: "DE", city: "Berlin" },
      { country: "AT", city: "Vienna" },
    ],
    website: "https://www.adatum.example",
    contactEmail: "kontakt@adatum.example",
    contactPhone: "+49 89 5550 1234",
    employeeCount: 95,
    rating: 4.6,
    reviewCount: 57,
    yearFounded: 2011,
  },
];

export function profileRow(partner: GeneratedPartner, organizationId: string): NewPartnerProfile {
  return {
    organizationId,
    slug: partner.slug,
    name: partner.name,
    headline: partner.headline,
    description: partner.description,
    services: partner.services,
    industries: partner.industries,
    certifications: partner.certifications,
    sizesServed: partner.sizesServed,
    locations: partner.locations,
    countries: [...new Set(partner.locations.map((l) => l.country))],
    cities: [...new Set(partner.locations.map((l) => l.city.toLowerCase()))],
    website: partner.website,
    contactEmail: partner.contactEmail,
    contactPhone: partner.contactPhone,
    employeeCount: partner.employeeCount,
    rating: Math.round(partner.rating * 10),
    reviewCount: partner.reviewCount,
    yearFounded: partner.yearFounded,
    keywords: profileKeywords(partner),
  };
}

function employeeBand(count: number): string {
  if (count < 10) return "1-9";
  if (count < 50) return "10-49";
  if (count < 250) return "50-249";
  if (count < 1000) return "250-999";
  if (count < 10000) return "1000-9999";
  return "10000+";
}

/** Inserts partners (organization + directory profile) in batches; existing domains are left as they are. */
export async function insertPartners(db: DbOrTx, partners: GeneratedPartner[], batchSize = 500): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < partners.length; start += batchSize) {
    const batch = partners.slice(start, start + batchSize);
    const orgs = await db
      .insert(organizations)
      .values(
        batch.map((p) => ({
          kind: "partner" as const,
          name: p.name,
          domain: p.domain,
          country: p.locations[0]?.country ?? null,
          sizeBand: employeeBand(p.employeeCount),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: organizations.id, domain: organizations.domain });
    const idByDomain = new Map(orgs.map((o) => [o.domain, o.id]));
    const rows = batch.flatMap((p) => {
      const id = idByDomain.get(p.domain);
      return id ? [profileRow(p, id)] : [];
    });
    if (rows.length > 0) await db.insert(partnerProfiles).values(rows).onConflictDoNothing();
    inserted += rows.length;
  }
  return inserted;
}

/** Idempotent: running it again adds nothing that is already there. */
export async function seedDatabase(db: Db, options: { partnerCount?: number } = {}): Promise<string> {
  const partnerCount = options.partnerCount ?? 220;
  return db.transaction(async (tx) => {
    await tx
      .insert(agreements)
      .values({ ...CURRENT_AGREEMENT })
      .onConflictDoNothing({ target: agreements.version });

    await tx
      .insert(organizations)
      .values(DEMO_CUSTOMERS.map((c) => ({ kind: "customer" as const, ...c })))
      .onConflictDoNothing();
    const demoPartners = await insertPartners(tx, DEMO_PARTNERS);
    const directory = await insertPartners(tx, generatePartners(partnerCount));

    const domains = [...DEMO_CUSTOMERS.map((c) => c.domain), ...DEMO_PARTNERS.map((p) => p.domain)];
    const orgRows = await tx
      .select({ id: organizations.id, domain: organizations.domain })
      .from(organizations)
      .where(inArray(organizations.domain, domains));
    const orgId = new Map(orgRows.map((o) => [o.domain, o.id]));
    // The demo organizations own their domains: invitations to any of their addresses reach them.
    await tx
      .insert(organizationDomains)
      .values(orgRows.map((o) => ({ organizationId: o.id, domain: o.domain as string, verificationToken: newVerificationToken(), verifiedAt: new Date() })))
      .onConflictDoNothing();

    await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name })))
      .onConflictDoNothing({ target: users.email });
    const userRows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
    const userId = new Map(userRows.map((u) => [u.email, u.id]));

    await tx
      .insert(memberships)
      .values(
        DEMO_USERS.map((u) => ({
          userId: userId.get(u.email) as string,
          organizationId: orgId.get(u.org) as string,
          roles: [...u.roles],
        })),
      )
      .onConflictDoNothing();

    await refreshSearchVocabulary(tx);
    const total = await tx.$count(partnerProfiles);
    return `${demoPartners + directory} partner profiles added, ${total} in the directory; ${DEMO_USERS.length} demo accounts.`;
  });
}

/** Seeds a new embedded database on its first start; a database that has organizations is left alone. */
export async function seedIfEmpty(db: Db): Promise<string | null> {
  const existing = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (existing.length > 0) return null;
  return seedDatabase(db);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { closeDb, getConnection } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrator");
  const connection = await getConnection();
  await migrateDatabase(connection);
  const partnerCount = process.env.SEED_PARTNERS ? Number(process.env.SEED_PARTNERS) : undefined;
  console.log(await seedDatabase(connection.db, { partnerCount }));
  await closeDb();
}
