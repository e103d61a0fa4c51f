import { isIP } from "node:net";

/** The client's address as the nearest proxy reports it (first X-Forwarded-For entry), if valid. */
export function clientIpFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  return isIP(candidate) ? candidate : null;
}
