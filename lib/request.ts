import { isIP } from "node:net";

const MAX_PROXY_HOPS = 10;

/** How many reverse proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS, default 0). */
export function trustedProxyHops(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = env.TRUSTED_PROXY_HOPS?.trim();
  if (!configured) return 0;
  const hops = Number(configured);
  if (!/^\d+$/.test(configured) || hops > MAX_PROXY_HOPS) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_PROXY_HOPS}, not "${configured}"`);
  }
  return hops;
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 lower-case without a zone. */
function normalizeAddress(value: string | null | undefined): string | null {
  let candidate = value?.trim() ?? "";
  if (candidate.startsWith("[") && candidate.endsWith("]")) candidate = candidate.slice(1, -1);
  candidate = candidate.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(candidate);
  if (mapped) candidate = mapped[1]!;
  return isIP(candidate) ? candidate : null;
}

/**
 * The client's address for per-client limits, or null when it cannot be known.
 *
 * Next.js's server keeps an X-Forwarded-For header it receives as it is (it writes the TCP peer only
 * when there is none), so the app never learns the peer's address for sure. Without trusted proxies
 * (the default) no header is believed and the address is unknown: only the per-mailbox limits apply.
 * Behind TRUSTED_PROXY_HOPS proxies that each put the address they received from last in
 * X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for` appends it; Caddy's `reverse_proxy` replaces an
 * untrusted client's header with it), the client is the entry that many places from the end;
 * everything further left was written by the client and is ignored.
 */
export function clientAddressFrom(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const hops = trustedProxyHops(env);
  if (hops === 0) return null;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  // A chain shorter than the proxies means the request reached the app past some of them: its leftmost
  // entry was still written by a proxy or by Next.js (the TCP peer), never by the client alone.
  return normalizeAddress(forwarded[Math.max(0, forwarded.length - hops)]);
}

/**
 * The key a per-client limit counts under: an IPv4 address, or an IPv6 address's /64 network
 * (one subscriber usually holds a whole /64, so single IPv6 addresses would each get a new limit).
 */
export function clientLimitKey(address: string | null): string | null {
  if (!address) return null;
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The per-client limit key of the request: see clientAddressFrom and clientLimitKey. */
export function clientKeyFrom(headers: Headers): string | null {
  return clientLimitKey(clientAddressFrom(headers));
}
