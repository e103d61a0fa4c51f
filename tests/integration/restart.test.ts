import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb, getConnection, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { emailOutbox, invitations, organizations, relationships, roleGrants } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { deliverPendingEmails } from "@/lib/email/deliver";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { isWellFormedToken } from "@/lib/invitations/tokens";
import { startServer } from "@/lib/server-start";
import { actorFor } from "../support/actors";
import { parkConnection } from "../support/connection";
import { resetDatabase } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { sendTestInvitation } from "../support/invitations";

const onServer = Boolean(process.env.TEST_DATABASE_URL);

// A restart is the process's connection going away (closeDb) and the next request opening a new
// one (getDb). An in-memory PGlite would lose everything, so without a Postgres server the
// embedded database lives in a temporary directory, as it does on disk in a real deployment.
describe("server restart between invitation sent and accepted", () => {
  let restoreConnection: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let fake: FakeResend | undefined;

  afterEach(async () => {
    await restoreConnection?.();
    restoreConnection = undefined;
    vi.unstubAllEnvs();
    await fake?.close();
    fake = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it("loses nothing: the emailed link still works and the email is still delivered", async () => {
    // The shared test database is set up first, so setting its connection aside leaves it intact.
    await resetDatabase();
    restoreConnection = parkConnection();
    if (!onServer) {
      dataDir = mkdtempSync(path.join(tmpdir(), "partnerships-restart-"));
      vi.stubEnv("PGLITE_DIR", path.join(dataDir, "pglite"));
    }

    // First life: the invitation is sent; its email waits in the outbox.
    const first = await getConnection();
    expect(first.driver).toBe(onServer ? "node-postgres" : "pglite");
    await migrateDatabase(first);
    await seedDatabase(first.db, { partnerCount: 5 });
    const organizationCount = await first.db.$count(organizations);
    const { invitation, token: issued } = await sendTestInvitation(first.db);

    // Restart.
    await closeDb();
    await expect(first.db.select().from(organizations)).rejects.toThrow();

    // Second life, through the real start-up path (migrations, seed-if-empty, search vocabulary).
    await startServer();
    const db = await getDb();
    expect(db).not.toBe(first.db);
    expect(await db.$count(organizations)).toBe(organizationCount);

    const [queued] = await db.select().from(emailOutbox);
    expect(queued).toMatchObject({ to: "admin@contoso.example", template: "invitation", status: "pending", attempts: 0 });
    const token = /\/admin\/invitations\/([A-Za-z0-9_-]+)/.exec(queued!.text)?.[1] ?? "";
    expect(isWellFormedToken(token)).toBe(true);
    expect(token).toBe(issued);

    const accepted = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), token, { acknowledged: true });
    expect(accepted).toMatchObject({ ok: true, alreadyAccepted: false });

    // The provider comes into play now; the email from before the restart goes out with the rest.
    fake = await startFakeResend();
    vi.stubEnv("RESEND_API_KEY", "re_test_fake_key");
    vi.stubEnv("RESEND_BASE_URL", fake.url);
    expect(await deliverPendingEmails({ now: new Date(Date.now() + 1_000) })).toEqual({ sent: 3, failed: 0, mailbox: 0 });
    const [invitationEmail] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, queued!.id));
    expect(invitationEmail).toMatchObject({ status: "sent", providerMessageId: fake.idFor(`outbox/${queued!.id}`) });
    expect(fake.deliveredCount(`outbox/${queued!.id}`)).toBe(1);
    expect(fake.delivered.find((e) => e.idempotencyKey === `outbox/${queued!.id}`)?.text).toContain(`/admin/invitations/${token}`);

    // And one more restart: the acceptance is durable too.
    await closeDb();
    const third = await getDb();
    const [after] = await third.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(after?.status).toBe("accepted");
    expect(await third.$count(relationships)).toBe(1);
    expect(await third.$count(roleGrants)).toBe(2);
    expect(await third.$count(emailOutbox, sql`${emailOutbox.status} <> 'sent'`)).toBe(0);
  });
});
