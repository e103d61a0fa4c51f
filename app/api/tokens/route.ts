import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { issueToken, NO_ACCESS } from "@/lib/access/tokens";

/**
 * A signed-in partner person asks for an access token for one customer: `POST` JSON
 * `{"relationshipId": "…", "reason": "…"}` with the session cookie. 200 with the token; 403 when they
 * have no role there, saying nothing about which customers exist; 401 signed out.
 */
export async function POST(request: Request) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "Send JSON: relationshipId and reason." }, { status: 400 });
  }
  const { relationshipId, reason } = (body ?? {}) as { relationshipId?: unknown; reason?: unknown };
  if (typeof relationshipId !== "string" || typeof reason !== "string" || !reason.trim() || reason.length > 200 || /[\u0000-\u001f\u007f]/.test(reason)) {
    return Response.json({ error: "Send JSON: relationshipId and a reason of up to 200 characters." }, { status: 400 });
  }
  try {
    const result = await issueToken(await getDb(), await getActor(), { relationshipId, reason: reason.trim() });
    if (!result.ok) return Response.json({ error: NO_ACCESS }, { status: 403 });
    return Response.json({ access_token: result.token, token_type: "Bearer", expires_in: result.expiresIn, roles: result.roles }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: error.message }, { status: error.reason === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
