import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { Resend } from "resend";
import { getDb, type Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { emailFrom, emailSendTimeoutMs, emailTransport } from "./config";

export const MAX_ATTEMPTS = 8;
/** How long a claimed row is left alone by other dispatchers while it is being sent. */
const LEASE_MS = 2 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Runs one provider call with a deadline: the signal aborts the request, and the caller stops
 * waiting even if the call ignores the signal, so a hung provider cannot stall delivery.
 */
async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timeout: Resend did not answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  mailbox: number;
}

/**
 * Delivers due outbox rows. Rows are claimed with a short lease (FOR UPDATE SKIP LOCKED) so
 * concurrent dispatchers never send one twice, and each carries its outbox id as Resend's
 * idempotency key so a retry after an ambiguous failure is not a second email either.
 */
export async function deliverPendingEmails(options: { db?: Db; now?: Date; limit?: number } = {}): Promise<DeliveryReport> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, failed: 0, mailbox: 0 };

  if (emailTransport() === "mailbox") {
    const kept = await db
      .update(emailOutbox)
      .set({ status: "mailbox", sentAt: now })
      .where(eq(emailOutbox.status, "pending"))
      .returning({ id: emailOutbox.id });
    report.mailbox = kept.length;
    return report;
  }

  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(options.limit ?? 50)
      .for("update", { skipLocked: true });
    if (due.length === 0) return due;
    await tx
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(
        emailOutbox.id,
        due.map((row) => row.id),
      ));
    return due;
  });

  const resend = new Resend(process.env.RESEND_API_KEY);
  const timeoutMs = emailSendTimeoutMs();
  for (const row of claimed) {
    let error: string | null = null;
    let providerId: string | null = null;
    try {
      const result = await withDeadline(timeoutMs, (signal) =>
        resend.emails.send(
          { from: emailFrom(), to: row.to, subject: row.subject, html: row.html, text: row.text },
          { idempotencyKey: `outbox/${row.id}`, signal },
        ),
      );
      if (result.error) error = `${result.error.name}: ${result.error.message}`;
      else providerId = result.data?.id ?? null;
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    const attempts = row.attempts + 1;
    if (error === null) {
      await db
        .update(emailOutbox)
        .set({ status: "sent", attempts, sentAt: new Date(), providerMessageId: providerId, lastError: null })
        .where(eq(emailOutbox.id, row.id));
      report.sent += 1;
    } else {
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .update(emailOutbox)
        .set({
          status: giveUp ? "failed" : "pending",
          attempts,
          lastError: error.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        })
        .where(eq(emailOutbox.id, row.id));
      report.failed += 1;
    }
  }
  return report;
}

/** Starts delivery in the background after a change committed; failures stay in the outbox for the next run. */
export function kickOutbox(): void {
  void deliverPendingEmails().catch((error: unknown) => {
    console.error("[email] delivery run failed:", error instanceof Error ? error.message : error);
  });
}
