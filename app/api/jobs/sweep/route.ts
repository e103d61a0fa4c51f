import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { kickOutbox } from "@/lib/email/deliver";
import { runSweep } from "@/lib/jobs/sweep";

function authorized(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  if (!secret || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/** For a scheduler: `Authorization: Bearer $CRON_SECRET`. */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: "unauthorized" }, { status: 401 });
  const report = await runSweep(await getDb());
  kickOutbox();
  return Response.json(report);
}

export const GET = POST;
