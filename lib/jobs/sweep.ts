import type { Db } from "@/db/client";
import { expireInvitations } from "@/lib/invitations/service";
import { sweepGdap, type GdapSweepReport } from "./gdap";

export interface SweepReport extends GdapSweepReport {
  expiredInvitations: number;
}

/** Records what time has already decided (pages compute it from dates); safe to run twice or at once. */
export async function runSweep(db: Db, now = new Date()): Promise<SweepReport> {
  const expiredInvitations = await expireInvitations(db, now);
  return { expiredInvitations, ...(await sweepGdap(db, now)) };
}
