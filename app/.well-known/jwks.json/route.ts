import { getDb } from "@/db/client";
import { publishedKeys } from "@/lib/access/keys";

/** The public keys access tokens are signed with (RFC 7517): every key signing now, and those whose tokens may still be alive. */
export async function GET() {
  return Response.json(await publishedKeys(await getDb()), {
    headers: { "cache-control": "public, max-age=300", "content-type": "application/jwk-set+json" },
  });
}
