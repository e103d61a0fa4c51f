const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs and forms are checked before they reach a query: Postgres rejects malformed UUIDs with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
