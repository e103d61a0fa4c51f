import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddressFrom, clientLimitKey, trustedProxyHops } from "@/lib/request";

const behind = (hops: number) => ({ TRUSTED_PROXY_HOPS: String(hops) });

function headers(forwardedFor?: string, extra: Record<string, string> = {}): Headers {
  const h = new Headers(extra);
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
  it("believes no header without trusted proxies: the address is unknown, whatever X-Forwarded-For or X-Real-IP say", () => {
    // Next.js keeps a client's X-Forwarded-For and writes the TCP peer only when there is none.
    expect(clientAddressFrom(headers("203.0.113.1", { "x-real-ip": "203.0.113.2" }), {})).toBeNull();
    fc.assert(
      fc.property(clientWritten, clientWritten, (forwarded, realIp) => {
        expect(clientAddressFrom(headers(forwarded, { "x-real-ip": realIp }), {})).toBeNull();
        expect(clientAddressFrom(headers(forwarded, { "x-real-ip": realIp }), behind(0))).toBeNull();
      }),
    );
  });

  it("takes the address the nearest trusted proxy appended, never what the client wrote before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), clientWritten, fc.ipV4(), fc.array(fc.ipV4(), { minLength: 2, maxLength: 2 }), (hops, forged, client, proxies) => {
        // The client writes anything; the first proxy appends the client, each further proxy the one before it.
        const appended = [client, ...proxies.slice(0, hops - 1)];
        const chain = [forged, ...appended].filter(Boolean).join(", ");
        expect(clientAddressFrom(headers(chain, { "x-real-ip": forged }), behind(hops))).toBe(client);
      }),
    );
    expect(clientAddressFrom(headers("6.6.6.6, 203.0.113.1"), behind(1))).toBe("203.0.113.1");
  });

  it("reads a chain shorter than the proxies from its first entry, which a proxy or Next.js wrote", () => {
    expect(clientAddressFrom(headers("203.0.113.1"), behind(2))).toBe("203.0.113.1");
    expect(clientAddressFrom(headers(), behind(1))).toBeNull();
  });

  it("writes one address one way, and refuses what is not an address", () => {
    expect(clientAddressFrom(headers("::ffff:127.0.0.1"), behind(1))).toBe("127.0.0.1");
    expect(clientAddressFrom(headers("2001:DB8::1"), behind(1))).toBe("2001:db8::1");
    expect(clientAddressFrom(headers("[2001:db8::1]"), behind(1))).toBe("2001:db8::1");
    expect(clientAddressFrom(headers("not-an-address"), behind(1))).toBeNull();
    expect(clientAddressFrom(headers("203.0.113.1, not-an-address"), behind(1))).toBeNull();
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
