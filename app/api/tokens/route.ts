import { getDb } from "@/db/client";
import { AuthorizationError, getActor } from "@/lib/authz";
import { tokenRequestSchema } from "@/lib/access/schemas";
import { issueToken, NO_ACCESS } from "@/lib/access/tokens";
import { fieldErrors } from "@/lib/forms";

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
  // The same schema as the page's form: a reason free of control and bidirectional characters, up to 200.
  const parsed = tokenRequestSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: "Send JSON: relationshipId and a reason of up to 200 characters.", fields: fieldErrors(parsed.error) }, { status: 400 });
  try {
    const result = await issueToken(await getDb(), await getActor(), parsed.data);
    if (!result.ok) return Response.json({ error: NO_ACCESS }, { status: 403 });
    return Response.json({ access_token: result.token, token_type: "Bearer", expires_in: result.expiresIn, roles: result.roles }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: error.message }, { status: error.reason === "unauthenticated" ? 401 : 403 });
    throw error;
  }
}
