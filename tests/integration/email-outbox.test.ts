import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { deliverPendingEmails } from "@/lib/email/deliver";
import { sendEmail } from "@/lib/email/send";
import { resetDatabase } from "../support/db";

const props = { url: "http://localhost:3000/api/auth/callback/resend?token=t&email=a%40b.c", email: "a@b.c", expiresAt: "in 30 minutes" };

describe("email outbox", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("writes the rendered email, HTML and plain text, in the caller's transaction", async () => {
    const db = await resetDatabase();
    await db.transaction(async (tx) => {
      await sendEmail(tx, { to: "a@b.c", template: "sign-in", props });
    });
    const [row] = await db.select().from(emailOutbox);
    expect(row?.subject).toBe("Your sign-in link for Partnerships");
    expect(row?.html).toContain('href="http://localhost:3000/api/auth/callback/resend?token=t&amp;email=a%40b.c"');
    expect(row?.text).toContain("Sign in to Partnerships");
    expect(row?.status).toBe("pending");
  });

  it("writes nothing when the transaction rolls back", async () => {
    const db = await resetDatabase();
    await expect(
      db.transaction(async (tx) => {
        await sendEmail(tx, { to: "a@b.c", template: "sign-in", props });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.$count(emailOutbox)).toBe(0);
  });

  it("sends a deduplicated email at most once", async () => {
    const db = await resetDatabase();
    const first = await sendEmail(db, { to: "a@b.c", template: "sign-in", props, dedupeKey: "notice:1" });
    const second = await sendEmail(db, { to: "a@b.c", template: "sign-in", props, dedupeKey: "notice:1" });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await db.$count(emailOutbox)).toBe(1);
  });

  it("keeps email in the local mailbox when no provider is configured", async () => {
    const db = await resetDatabase();
    const id = await sendEmail(db, { to: "a@b.c", template: "sign-in", props });
    const report = await deliverPendingEmails({ db });
    expect(report).toEqual({ sent: 0, failed: 0, mailbox: 1 });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id as string));
    expect(row?.status).toBe("mailbox");
  });
});
