import type { Db } from "@/db/client";
import { expireInvitations } from "@/lib/invitations/service";

export interface SweepReport {
  expiredInvitations: number;
}

/** Records what time has already decided (pages compute it from dates); safe to run twice or at once. */
export async function runSweep(db: Db, now = new Date()): Promise<SweepReport> {
  return { expiredInvitations: await expireInvitations(db, now) };
}
