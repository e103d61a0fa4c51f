import { createRemoteJWKSet, jwtVerify } from "jose";
import { tokenAudience, tokenIssuer } from "@/lib/access/tokens";
import { bearerToken } from "@/lib/security/secrets";

/*
 * A sample resource server, as another service would embed one: "reset a user's password" in a customer,
 * allowed to a partner's person only with a role that may do it. It trusts nothing but the token:
 *   1. offline, the signature against the published keys (/.well-known/jwks.json, fetched and cached),
 *      ES256 only, our issuer and audience, not expired;
 *   2. the roles the operation needs;
 *   3. online, introspection (RFC 7662), which answers inactive the moment the access ends.
 * README, "Using the access tokens", walks through the same steps for a service of your own.
 */

const NEEDS = ["helpdesk_admin", "user_admin", "privileged_auth_admin"];
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

export async function POST(request: Request) {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) return Response.json({ error: "Send Authorization: Bearer <access token>." }, { status: 401 });
  const origin = new URL(request.url).origin;
  jwks ??= createRemoteJWKSet(new URL("/.well-known/jwks.json", origin));
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(token, jwks, { issuer: tokenIssuer(), audience: tokenAudience(), algorithms: ["ES256"] }));
  } catch {
    return Response.json({ error: "The token is not valid." }, { status: 401 });
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
  if (!roles.some((role) => NEEDS.includes(role))) return Response.json({ error: "This operation needs Helpdesk, User or Privileged authentication administrator." }, { status: 403 });
  const answer = await fetch(new URL("/api/oauth/introspect", origin), {
    method: "POST",
    headers: { authorization: `Bearer ${process.env.INTROSPECTION_SECRET ?? ""}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }),
  });
  const state = (await answer.json().catch(() => ({}))) as { active?: boolean };
  if (!answer.ok || state.active !== true) return Response.json({ error: "The access has ended." }, { status: 401 });
  return Response.json({ ok: true, customer: claims.customer_id, by: claims.sub, roles });
}
