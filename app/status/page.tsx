import type { Metadata } from "next";
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";

export const metadata: Metadata = { title: "Service status" };
export const dynamic = "force-dynamic";

/** A small page for uptime checks (and the framework floor in `npm run bench`): one tiny query. */
export default async function StatusPage() {
  const [row] = await queryRows<{ now: Date }>(await getDb(), sql`select now() as now`);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-gray-900">Service status</h1>
      <p className="mt-3 text-gray-700">All systems are working. Database time: {row ? new Date(row.now).toISOString() : "unknown"}.</p>
    </main>
  );
}
