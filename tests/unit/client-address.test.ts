import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddressFrom, clientLimitKey, SOCKET_ADDRESS_ENV, SOCKET_ADDRESS_HEADER, trustedProxyHops } from "@/lib/request";

const underNpmStart = (hops?: string) => ({ [SOCKET_ADDRESS_ENV]: "1", ...(hops === undefined ? {} : { TRUSTED_PROXY_HOPS: hops }) });

function headers(peer: string | null, forwardedFor?: string, extra: Record<string, string> = {}): Headers {
  const h = new Headers(extra);
  if (peer !== null) h.set(SOCKET_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
}

/** Whatever a client can put in a header value. */
const clientWritten = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 5 }).map((parts) => parts.join(", ")),
  fc.string(),
).filter((value) => {
  try {
    new Headers({ "x-forwarded-for": value });
    return true;
  } catch {
    return false;
  }
});

describe("clientAddressFrom", () => {
  it("believes no header by default: the client is the TCP peer, whatever X-Forwarded-For or X-Real-IP say", () => {
    const env = underNpmStart();
    expect(clientAddressFrom(headers("198.51.100.7", "203.0.113.1", { "x-real-ip": "203.0.113.2" }), env)).toBe("198.51.100.7");
    fc.assert(
      fc.property(fc.ipV4(), clientWritten, clientWritten, (peer, forwarded, realIp) => {
        expect(clientAddressFrom(headers(peer, forwarded, { "x-real-ip": realIp }), env)).toBe(peer);
      }),
    );
  });

  it("takes the address the trusted proxy appended, never what the client wrote before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), clientWritten, fc.ipV4(), fc.array(fc.ipV4(), { minLength: 3, maxLength: 3 }), (hops, forged, client, proxies) => {
        // The client writes anything; proxy 1 appends the client, each further proxy the one before it; the last is the peer.
        const appended = [client, ...proxies.slice(0, hops - 1)];
        const peer = proxies[hops - 1]!;
        const chain = [forged, ...appended].filter(Boolean).join(", ");
        expect(clientAddressFrom(headers(peer, chain), underNpmStart(String(hops)))).toBe(client);
      }),
    );
  });

  it("behind another server (next start, next dev) believes nothing without trusted proxies, and the proxy's last entry with them", () => {
    expect(clientAddressFrom(headers(null, "203.0.113.1"), {})).toBeNull();
    // A client cannot pose as `npm start` by sending its header.
    expect(clientAddressFrom(headers("198.51.100.7", "203.0.113.1"), {})).toBeNull();
    expect(clientAddressFrom(headers(null, "6.6.6.6, 203.0.113.1"), { TRUSTED_PROXY_HOPS: "1" })).toBe("203.0.113.1");
  });

  it("writes one address one way, and refuses what is not an address", () => {
    const env = underNpmStart();
    expect(clientAddressFrom(headers("::ffff:127.0.0.1"), env)).toBe("127.0.0.1");
    expect(clientAddressFrom(headers("2001:DB8::1"), env)).toBe("2001:db8::1");
    expect(clientAddressFrom(headers("not-an-address"), env)).toBeNull();
    expect(clientAddressFrom(headers(""), env)).toBeNull();
  });

  it("refuses a malformed TRUSTED_PROXY_HOPS instead of guessing", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "two", "11"]) expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("clientLimitKey", () => {
  it("counts an IPv6 client by its /64, since one subscriber holds all of it", () => {
    expect(clientLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientLimitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(clientLimitKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientLimitKey(null)).toBeNull();
  });
});
