import { getConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { seedIfEmpty } from "@/seed/demo";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { emailTransport } from "@/lib/email/config";
import { deliverPendingEmails } from "@/lib/email/deliver";
import { fillEmptySearchVocabulary } from "@/lib/partners/search";
import { trustedProxyHops } from "@/lib/request";

const OUTBOX_INTERVAL_MS = 30_000;

/** Runs once per server process: secrets, migrations, the embedded seed, and the outbox timer. */
export async function startServer(): Promise<void> {
  ensureAuthSecret();
  // A malformed TRUSTED_PROXY_HOPS stops the start rather than every rate-limited request.
  trustedProxyHops();
  const connection = await getConnection();
  await migrateDatabase(connection);
  if (connection.driver === "pglite") {
    const seeded = await seedIfEmpty(connection.db);
    if (seeded) console.log(`[db] first start: ${seeded}`);
  }
  await fillEmptySearchVocabulary(connection.db);
  // Emails written while the provider was down are retried here; the mailbox needs no timer.
  if (emailTransport() === "resend") {
    const timer = setInterval(() => {
      deliverPendingEmails().catch((error: unknown) => console.error("[email] retry run failed:", error instanceof Error ? error.message : error));
    }, OUTBOX_INTERVAL_MS);
    timer.unref();
  }
}

/**
 * startServer for instrumentation.ts. A production server (`next start`, `npm start`, the standalone
 * server) that cannot start says why and exits with code 1, so a process manager or platform sees
 * the failure instead of a server without its database. Under `next dev` the error is thrown and
 * Next.js shows it.
 */
export async function startServerOrStop(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    if (process.env.NODE_ENV === "production") {
      console.error("[start] the server could not start:", error);
      process.exit(1);
    }
    throw error;
  }
}
