import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimitHits } from "@/db/schema";

export interface RateLimitRule {
  bucket: string;
  key: string;
  limit: number;
  windowMs: number;
}

type Verdict = { ok: true } | { ok: false; retryAt: Date };

async function firstExhausted(tx: DbOrTx, rules: RateLimitRule[], now: Date): Promise<Verdict> {
  for (const rule of rules) {
    const since = new Date(now.getTime() - rule.windowMs);
    const [row] = await tx
      .select({ n: count(), oldest: sql<string | null>`min(${rateLimitHits.createdAt})` })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, rule.bucket), eq(rateLimitHits.key, rule.key), gt(rateLimitHits.createdAt, since)));
    if ((row?.n ?? 0) >= rule.limit) {
      const oldest = row?.oldest ? new Date(row.oldest) : now;
      return { ok: false, retryAt: new Date(oldest.getTime() + rule.windowMs) };
    }
  }
  return { ok: true };
}

/**
 * Counts a hit against each rule inside the caller's transaction, or refuses without counting
 * when any rule is used up. A transaction-scoped advisory lock per key makes concurrent
 * requests queue for the count, so the limit holds across server instances.
 */
export async function takeRateLimit(tx: DbOrTx, rules: RateLimitRule[], now = new Date()): Promise<Verdict> {
  for (const rule of rules) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${rule.bucket}:${rule.key}`}))`);
  }
  const verdict = await firstExhausted(tx, rules, now);
  if (!verdict.ok) return verdict;
  await tx.insert(rateLimitHits).values(rules.map((rule) => ({ bucket: rule.bucket, key: rule.key, createdAt: now })));
  return verdict;
}

/** Whether takeRateLimit would refuse now, without counting a hit (for a message before the real attempt). */
export async function peekRateLimit(db: DbOrTx, rules: RateLimitRule[], now = new Date()): Promise<Verdict> {
  return firstExhausted(db, rules, now);
}
