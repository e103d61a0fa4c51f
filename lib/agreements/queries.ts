import { desc, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreements, type Agreement } from "@/db/schema";

/** The agreement version in force: the newest one already published. */
export async function currentAgreement(db: DbOrTx, now = new Date()): Promise<Agreement | undefined> {
  const [agreement] = await db.select().from(agreements).where(lte(agreements.publishedAt, now)).orderBy(desc(agreements.publishedAt)).limit(1);
  return agreement;
}
