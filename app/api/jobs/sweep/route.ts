import { getDb } from "@/db/client";
import { kickOutbox } from "@/lib/email/deliver";
import { runSweep } from "@/lib/jobs/sweep";
import { hasBearerSecret } from "@/lib/security/secrets";

/** For a scheduler: `Authorization: Bearer $CRON_SECRET`. */
export async function POST(request: Request) {
  if (!hasBearerSecret(request, process.env.CRON_SECRET)) return Response.json({ error: "unauthorized" }, { status: 401 });
  const report = await runSweep(await getDb());
  kickOutbox();
  return Response.json(report);
}

export const GET = POST;
