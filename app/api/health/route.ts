/** For load balancers and uptime checks: the process answers. It reads nothing (the database has its own checks). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
