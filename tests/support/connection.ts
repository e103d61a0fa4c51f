import { closeDb, getConnection } from "@/db/client";

type Connection = Awaited<ReturnType<typeof getConnection>>;

// The slot db/client.ts keeps the process's one connection in.
const globalForDb = globalThis as unknown as { __partnershipsDb?: Promise<Connection> };

/**
 * Sets the process's connection aside, untouched, so the next getDb()/getConnection() opens a
 * new one from the (possibly stubbed) environment, exactly as the app would after a restart.
 * The returned function closes whatever connection the test left open and puts the original
 * back, so other test files (which share the process and cache the migrated test database)
 * carry on with the very same connection.
 */
export function parkConnection(): () => Promise<void> {
  const parked = globalForDb.__partnershipsDb;
  globalForDb.__partnershipsDb = undefined;
  return async () => {
    await closeDb();
    globalForDb.__partnershipsDb = parked;
  };
}
