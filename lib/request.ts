import { isIP } from "node:net";

/**
 * The header `npm start` (scripts/start.mjs) writes on every request with the TCP peer's address,
 * replacing whatever a client sent under that name. The app reads it only when the server that
 * runs it says it writes it (CLIENT_SOCKET_ENV), so a client can never supply it.
 */
export const SOCKET_ADDRESS_HEADER = "x-partnerships-socket-address";
export const SOCKET_ADDRESS_ENV = "PARTNERSHIPS_SOCKET_ADDRESS_HEADER";

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
 * The chain is every X-Forwarded-For entry followed by the TCP peer. Each of the configured
 * trusted proxies appended the address it received from, so the client is the entry that many
 * places from the end; everything further left was written by the client itself and is ignored.
 * With no trusted proxy (the default) no header is believed: the client is the TCP peer, which
 * only `npm start` reports. Behind another server (`next start`, `next dev`) without trusted
 * proxies the address is unknown and only the per-account limits apply.
 */
export function clientAddressFrom(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const hops = trustedProxyHops(env);
  const peerKnown = env[SOCKET_ADDRESS_ENV] === "1";
  const peer = peerKnown ? normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER)) : null;
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  // Without the peer (another server runs the app), the nearest trusted proxy's own entry is the last one.
  const chain = peerKnown ? [...forwarded, headers.get(SOCKET_ADDRESS_HEADER) ?? ""] : forwarded;
  const lastIndex = peerKnown ? chain.length - 1 : chain.length;
  // A chain shorter than the proxies means the request reached the app past them: its leftmost
  // entry was still written by a proxy or the peer, never by the client alone.
  return normalizeAddress(chain[Math.max(0, lastIndex - hops)]);
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
