import "server-only";
import { lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { expireInvitations } from "@/lib/invitations/service";
import { sweepGdap, type GdapSweepReport } from "./gdap";

export interface SweepReport extends GdapSweepReport {
  expiredInvitations: number;
  expiredSignInTokens: number;
}

/** Records what time has already decided (pages compute it from dates); safe to run twice or at once. */
export async function runSweep(db: Db, now = new Date()): Promise<SweepReport> {
  const expiredInvitations = await expireInvitations(db, now);
  // Auth.js writes a token for every link asked for, even one the limits stopped: expired ones go.
  const expiredSignInTokens = (await db.delete(verificationTokens).where(lte(verificationTokens.expires, now)).returning({ token: verificationTokens.token })).length;
  return { expiredInvitations, expiredSignInTokens, ...(await sweepGdap(db, now)) };
}
