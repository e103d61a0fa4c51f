import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, queryRows, type Db } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrator";

const serverUrl = process.env.TEST_DATABASE_URL;
const BEFORE = "0010_organization_domains";

type Connection = Awaited<ReturnType<typeof connect>>;

async function migrateFrom(connection: Connection, migrationsFolder: string) {
  if (connection.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(connection.db as never, { migrationsFolder });
  }
}

/**
 * Migration 0010 on a database as it was before it: organizations owning the domain of whoever
 * first accepted an invitation, and pending invitations bound to them by that domain alone.
 */
describe("migration 0010: domains move to organization_domains", () => {
  let connection: Connection;
  let db: Db;
  let earlier: string;
  let dropDatabase: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    earlier = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_FOLDER, earlier, { recursive: true });
    const journalPath = path.join(earlier, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag === BEFORE);
    expect(cut).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));

    if (serverUrl) {
      const name = `partnerships_domains_${process.pid}_${Date.now()}`;
      const control = new pg.Client({ connectionString: serverUrl });
      await control.connect();
      await control.query(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      connection = await connect({ ...process.env, DATABASE_URL: url.toString(), DATABASE_DRIVER: "node-postgres", DATABASE_POOL_MAX: "1" });
      dropDatabase = async () => {
        await control.query(`drop database if exists ${name}`);
        await control.end();
      };
    } else {
      connection = await connect({ ...process.env, DATABASE_URL: "", PGLITE_DIR: "memory://" });
    }
    db = connection.db;
    await migrateFrom(connection, earlier);
  });

  afterAll(async () => {
    await connection?.close();
    await dropDatabase();
    rmSync(earlier, { recursive: true, force: true });
  });

  it("keeps provisioned domains verified, leaves claimed ones unverified and unbinds invitations that only followed a claim", async () => {
    await db.execute(sql`
      insert into organizations (id, kind, name, domain) values
        ('00000000-0000-4000-8000-000000000001', 'partner', 'Fabrikam Partners', 'fabrikam.example'),
        ('00000000-0000-4000-8000-000000000002', 'customer', 'Contoso', 'Contoso.Example'),
        ('00000000-0000-4000-8000-000000000003', 'customer', 'Mailhost', 'mailhost.example')`);
    await db.execute(sql`
      insert into users (id, email) values ('agent', 'agent@fabrikam.example'), ('first', 'first@mailhost.example')`);
    await db.execute(sql`
      insert into memberships (user_id, organization_id, roles) values
        ('agent', '00000000-0000-4000-8000-000000000001', '{admin_agent}'),
        ('first', '00000000-0000-4000-8000-000000000003', '{global_admin}')`);
    await db.execute(sql`
      insert into audit_events (actor_user_id, actor_label, organization_id, action, target_type, target_id, details) values
        ('first', 'first@mailhost.example', '00000000-0000-4000-8000-000000000003', 'organization.created', 'organization',
         '00000000-0000-4000-8000-000000000003', '{"from": "invitation"}')`);
    const invitation = (n: number, email: string, customer: string | null, status = "pending") => sql`
      insert into invitations (id, partner_organization_id, customer_email, customer_organization_id, type, token_hash, token_salt, status, expires_at, created_by_id)
      values (${`10000000-0000-4000-8000-00000000000${n}`}, '00000000-0000-4000-8000-000000000001', ${email}, ${customer}, 'reseller',
              ${`hash-${n}`}, ${`salt-${n}`}, ${status}, now() + interval '30 days', 'agent')`;
    const mailhost = "00000000-0000-4000-8000-000000000003";
    const contoso = "00000000-0000-4000-8000-000000000002";
    await db.execute(invitation(1, "cfo@mailhost.example", mailhost));
    await db.execute(invitation(2, "first@mailhost.example", mailhost));
    await db.execute(invitation(3, "admin@contoso.example", contoso));
    await db.execute(invitation(4, "ceo@mailhost.example", mailhost, "accepted"));

    await migrateFrom(connection, MIGRATIONS_FOLDER);

    const domains = await queryRows<{ name: string; domain: string; verified: boolean; token: string }>(
      db,
      sql`select o.name, d.domain, d.verified_at is not null as verified, d.verification_token as token
          from organization_domains d join organizations o on o.id = d.organization_id order by o.name`,
    );
    expect(domains.map(({ name, domain, verified }) => ({ name, domain, verified }))).toEqual([
      { name: "Contoso", domain: "contoso.example", verified: true },
      { name: "Fabrikam Partners", domain: "fabrikam.example", verified: true },
      { name: "Mailhost", domain: "mailhost.example", verified: false },
    ]);
    expect(new Set(domains.map((d) => d.token)).size).toBe(3);
    for (const { token } of domains) expect(token).toMatch(/^[0-9a-f]{64}$/);

    const orgs = await queryRows<{ name: string; domain: string | null }>(db, sql`select name, domain from organizations order by name`);
    expect(orgs).toEqual([
      { name: "Contoso", domain: "Contoso.Example" },
      { name: "Fabrikam Partners", domain: "fabrikam.example" },
      { name: "Mailhost", domain: null },
    ]);

    const bound = await queryRows<{ email: string; customer: string | null }>(
      db,
      sql`select customer_email as email, customer_organization_id as customer from invitations order by id`,
    );
    expect(bound).toEqual([
      { email: "cfo@mailhost.example", customer: null },
      { email: "first@mailhost.example", customer: mailhost },
      { email: "admin@contoso.example", customer: contoso },
      { email: "ceo@mailhost.example", customer: mailhost },
    ]);

    // One verified owner per domain, whatever the case it is written in.
    await expect(
      db.execute(sql`insert into organization_domains (organization_id, domain, verification_token, verified_at) values (${mailhost}, 'contoso.example', 'x', now())`),
    ).rejects.toThrow();
  });
});
