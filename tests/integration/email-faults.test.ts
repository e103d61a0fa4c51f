import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { emailOutbox, invitations, relationships, type OutboxEmail } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { backoffMs, deliverPendingEmails, MAX_ATTEMPTS } from "@/lib/email/deliver";
import { sendEmail } from "@/lib/email/send";
import { acceptInvitation } from "@/lib/invitations/acceptance";
import { actorFor } from "../support/actors";
import { resetDatabase } from "../support/db";
import { startFakeResend, type FakeResend, type FakeResendMode } from "../support/fake-resend";
import { sendTestInvitation } from "../support/invitations";

const SEND_TIMEOUT_MS = 300;
const nothing = { sent: 0, failed: 0, mailbox: 0 };

let fake: FakeResend;
let db: Db;

function outbox(): Promise<OutboxEmail[]> {
  return db.select().from(emailOutbox).orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
}

/** Past every backoff of rows that failed `attempts` times, from a run at `from`. */
function after(attempts: number, from = new Date()): Date {
  return new Date(from.getTime() + backoffMs(attempts) + 1_000);
}

/**
 * Two invitations sent and one accepted, as the app does it: each change commits with its
 * emails in the outbox, then a delivery run is kicked (awaited here instead of in the background).
 */
async function inviteAndAccept() {
  const reports = [];
  const first = await sendTestInvitation(db);
  reports.push(await deliverPendingEmails());
  const second = await sendTestInvitation(db, { customerEmail: "admin@northwind.example" });
  reports.push(await deliverPendingEmails());
  const accepted = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), first.token, { acknowledged: true });
  reports.push(await deliverPendingEmails());
  return { first, second, accepted, reports };
}

/** Every outbox row went out once: sent, with the provider's id, and the provider holds one email per key. */
async function expectEachDeliveredOnce(expected: number) {
  const rows = await outbox();
  expect(rows).toHaveLength(expected);
  for (const row of rows) {
    const key = `outbox/${row.id}`;
    expect(row).toMatchObject({ status: "sent", lastError: null, providerMessageId: fake.idFor(key) });
    expect(row.providerMessageId).toEqual(expect.any(String));
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(fake.deliveredCount(key)).toBe(1);
    const email = fake.delivered.find((e) => e.idempotencyKey === key);
    expect(email).toMatchObject({ to: [row.to], subject: row.subject, html: row.html, text: row.text });
  }
  expect(fake.delivered).toHaveLength(expected);
  return rows;
}

describe("email delivery when the provider misbehaves", () => {
  beforeAll(async () => {
    fake = await startFakeResend();
  });

  afterAll(async () => {
    await fake?.close();
  });

  beforeEach(async () => {
    fake.reset();
    vi.stubEnv("RESEND_API_KEY", "re_test_fake_key");
    vi.stubEnv("RESEND_BASE_URL", fake.url);
    vi.stubEnv("EMAIL_SEND_TIMEOUT_MS", String(SEND_TIMEOUT_MS));
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    fake.reset();
  });

  it("the fake provider honours idempotency keys as Resend does", async () => {
    const post = (key: string, subject = "Hello") =>
      fetch(`${fake.url}/emails`, {
        method: "POST",
        headers: { authorization: "Bearer re_x", "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ from: "a@b.example", to: ["c@d.example"], subject, html: "<p>Hi</p>", text: "Hi" }),
      });
    const one = await post("k1");
    const two = await post("k1");
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    const id = ((await one.json()) as { id: string }).id;
    expect(((await two.json()) as { id: string }).id).toBe(id);
    expect(fake.deliveredCount("k1")).toBe(1);
    const conflict = await post("k1", "Another subject");
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ name: "invalid_idempotent_request" });
    fake.mode = "429";
    const limited = await post("k2");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(fake.delivered).toHaveLength(1);
  });

  const failures: Array<[FakeResendMode, RegExp]> = [
    ["500", /internal_server_error/],
    ["429", /rate_limit_exceeded: Too many requests/],
    ["timeout", new RegExp(`did not answer within ${SEND_TIMEOUT_MS} ms`)],
  ];

  it.each(failures)("provider %s: the changes succeed, their emails wait in the outbox, and all go out once it recovers", async (mode, lastError) => {
    fake.mode = mode;
    const started = Date.now();
    const { first, second, accepted, reports } = await inviteAndAccept();
    // A hung provider costs one timeout per email, never a stalled request.
    expect(Date.now() - started).toBeLessThan(15_000);

    expect(accepted).toMatchObject({ ok: true, alreadyAccepted: false });
    const sent = await db.select().from(invitations).orderBy(asc(invitations.createdAt));
    expect(sent.map((i) => [i.id, i.status])).toEqual([
      [first.invitation.id, "accepted"],
      [second.invitation.id, "pending"],
    ]);
    expect(await db.$count(relationships)).toBe(1);

    // Invitation to Contoso, invitation to Northwind, "accepted" to the agent, "authorized" to Contoso's Global admin.
    const pending = await outbox();
    expect(pending.map((r) => r.to).sort()).toEqual(["admin@contoso.example", "admin@contoso.example", "admin@northwind.example", "agent@fabrikam.example"]);
    for (const row of pending) {
      expect(row).toMatchObject({ status: "pending", attempts: 1, providerMessageId: null, sentAt: null });
      expect(row.lastError).toMatch(lastError);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(4);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(0);
    expect(fake.requests).toHaveLength(4);
    expect(fake.delivered).toHaveLength(0);

    // Before the backoff has passed nothing is retried, even though the provider is back.
    fake.mode = "healthy";
    expect(await deliverPendingEmails({ now: new Date(Date.now() + backoffMs(1) - 5_000) })).toEqual(nothing);
    expect(fake.requests).toHaveLength(4);

    const later = after(1);
    expect(await deliverPendingEmails({ now: later })).toEqual({ sent: 4, failed: 0, mailbox: 0 });
    const rows = await expectEachDeliveredOnce(4);
    expect(rows.every((r) => r.attempts === 2)).toBe(true);
    // Each email was asked for twice (the failure, then the success) with the same key.
    for (const row of rows) expect(fake.requests.filter((q) => q.idempotencyKey === `outbox/${row.id}`)).toHaveLength(2);

    // Nothing is left to send.
    expect(await deliverPendingEmails({ now: after(MAX_ATTEMPTS, later) })).toEqual(nothing);
    expect(fake.delivered).toHaveLength(4);
  });

  it("concurrent delivery runs send each email once", async () => {
    await inviteAndAcceptWithoutDelivery();
    for (let i = 0; i < 10; i += 1) {
      await sendEmail(db, {
        to: `person${i}@contoso.example`,
        template: "sign-in",
        props: { url: `http://localhost:3000/api/auth/callback/resend?token=t${i}`, email: `person${i}@contoso.example`, expiresAt: "in 30 minutes" },
      });
    }
    const total = await db.$count(emailOutbox);
    expect(total).toBe(14);

    const now = new Date(Date.now() + 1_000);
    const reports = await Promise.all([
      deliverPendingEmails({ now, limit: 5 }),
      deliverPendingEmails({ now, limit: 5 }),
      deliverPendingEmails({ now, limit: 5 }),
      deliverPendingEmails({ now, limit: 5 }),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(total);
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
    // Not one second request, let alone a second email.
    expect(fake.requests).toHaveLength(total);
    await expectEachDeliveredOnce(total);
  });

  it.each<FakeResendMode>(["accept-then-drop", "accept-then-500"])(
    "provider %s (accepted, but the answer is lost): retried with the same key, still one email",
    async (mode) => {
      const { invitation } = await sendTestInvitation(db);
      fake.mode = mode;
      expect(await deliverPendingEmails()).toEqual({ sent: 0, failed: 1, mailbox: 0 });
      const [row] = await outbox();
      const key = `outbox/${row!.id}`;
      expect(row).toMatchObject({ to: invitation.customerEmail, status: "pending", attempts: 1, providerMessageId: null });
      expect(row!.lastError).toMatch(mode === "accept-then-drop" ? /Unable to fetch data/ : /internal_server_error/);
      // The provider did take it.
      expect(fake.deliveredCount(key)).toBe(1);

      fake.mode = "healthy";
      expect(await deliverPendingEmails({ now: after(1) })).toEqual({ sent: 1, failed: 0, mailbox: 0 });
      await expectEachDeliveredOnce(1);
      expect(fake.requests.map((q) => q.idempotencyKey)).toEqual([key, key]);
    },
  );

  it("gives up after the last attempt, keeping the email and its error visible", async () => {
    await sendTestInvitation(db);
    fake.mode = "500";
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverPendingEmails({ now })).toEqual({ sent: 0, failed: 1, mailbox: 0 });
      now = after(attempt, now);
    }
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: expect.stringMatching(/internal_server_error/) });
    fake.mode = "healthy";
    expect(await deliverPendingEmails({ now })).toEqual(nothing);
    expect(fake.requests).toHaveLength(MAX_ATTEMPTS);
    expect(await db.$count(emailOutbox, eq(emailOutbox.status, "failed"))).toBe(1);
  });
});

async function inviteAndAcceptWithoutDelivery() {
  const first = await sendTestInvitation(db);
  await sendTestInvitation(db, { customerEmail: "admin@northwind.example" });
  const accepted = await acceptInvitation(db, await actorFor(db, "admin@contoso.example"), first.token, { acknowledged: true });
  expect(accepted.ok).toBe(true);
}
