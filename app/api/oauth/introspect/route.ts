import { getDb } from "@/db/client";
import { introspectToken } from "@/lib/access/tokens";
import { hasBearerSecret } from "@/lib/security/secrets";

/**
 * Token introspection (RFC 7662), for resource servers: `POST` with `token=<access token>` (form-encoded),
 * authenticated with `Authorization: Bearer $INTROSPECTION_SECRET`. Answers `{"active": false}` the moment
 * the role, the relationship, the person, the group assignment or a block says so; never an error for a
 * token it can't read.
 */
export async function POST(request: Request) {
  if (!hasBearerSecret(request, process.env.INTROSPECTION_SECRET)) {
    return Response.json({ error: "invalid_client" }, { status: 401, headers: { "www-authenticate": 'Bearer realm="introspection"' } });
  }
  let token = "";
  try {
    const form = await request.formData();
    const value = form.get("token");
    token = typeof value === "string" ? value : "";
  } catch {
    return Response.json({ error: "invalid_request", error_description: "Send token=<access token> as application/x-www-form-urlencoded." }, { status: 400 });
  }
  if (!token) return Response.json({ error: "invalid_request", error_description: "The token parameter is missing." }, { status: 400 });
  return Response.json(await introspectToken(await getDb(), token), { headers: { "cache-control": "no-store" } });
}
