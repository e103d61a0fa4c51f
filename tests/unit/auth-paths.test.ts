import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authRedirect, isProtectedPath, safeReturnPath, signInPath } from "@/lib/auth/paths";

const ORIGIN = "https://app.example";

/** Where a browser goes for a Location header: it resolves the value against the page's address. */
const followed = (location: string) => new URL(location, `${ORIGIN}/signin`);

/**
 * What a server or proxy on the way might make of a path by percent-decoding it, once or repeatedly
 * (some decode before routing, some redirect to the decoded form).
 */
function decodings(path: string): string[] {
  const found = [path];
  for (const decode of [decodeURI, decodeURIComponent]) {
    let current = path;
    for (let i = 0; i < 3; i++) {
      try {
        current = decode(current);
      } catch {
        break;
      }
      found.push(current);
    }
  }
  return found;
}

/** Pieces attackers assemble return paths from: separators, dot segments, their encodings, what browsers strip. */
const PIECES = [
  "/", "//", "\\", "/\\", ".", "..", "./", "../", "%2F", "%2f", "%5C", "%5c", "%2e", "%2E", "%2e%2e", "%252F", "%25", "%",
  "%09", "%0a", "%00", "\t", "\n", "\r", " ", "\u0000", "\u001f", "\u00a0", "\ufeff", "\u200b", "／", "＼", "%EF%BC%8F",
  "evil.example", "@", ":", "?", "#", "&", "=", "http:", "https:", "https://", "javascript:", "data:", "callbackUrl=",
  "/signin?callbackUrl=", "admin", "app.example", "é", "😀", "\ud800",
];

const hostileReturnPath = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 10 }).map((s) => `/${s}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webPath(),
  fc.tuple(fc.constantFrom("/", "\\", " /", "\t/"), fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 8 }), fc.webPath()).map((parts) => parts.join("")),
);

describe("safeReturnPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeReturnPath("/admin/invitations/abc?x=1")).toBe("/admin/invitations/abc?x=1");
    expect(safeReturnPath("/partners?q=caf%C3%A9&sel=a&sel=b#results")).toBe("/partners?q=caf%C3%A9&sel=a&sel=b#results");
    expect(safeReturnPath("/signin?callbackUrl=%2Fadmin")).toBe("/signin?callbackUrl=%2Fadmin");
  });

  it("returns the path it judged: dot segments resolved, as a browser would", () => {
    expect(safeReturnPath("/partner/../admin")).toBe("/admin");
    expect(safeReturnPath("/admin/./settings")).toBe("/admin/settings");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "admin",
    "",
    42,
    undefined,
    // Each of these passed a check of the raw string and came out as "//evil.example…".
    "/.//evil.example/phish",
    "/x/..//evil.example",
    "/%2e%2e//evil.example",
    "/%2e/%2fevil.example",
    "/./%2Fevil.example",
    "/%2F/evil.example",
    "/%252F/evil.example",
    "/a%2F..%2F%2Fevil.example",
    // Browsers drop tabs and newlines anywhere and read "\" as "/".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "%2F.%2F%2Fevil.example",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value, "/home")).toBe("/home");
  });

  it("refuses a path too long to be one of ours", () => {
    expect(safeReturnPath(`/${"a".repeat(3000)}`, "/home")).toBe("/home");
  });

  it("builds the sign-in address with an encoded return path", () => {
    expect(signInPath("/admin?tab=1")).toBe("/signin?callbackUrl=%2Fadmin%3Ftab%3D1");
    expect(signInPath("https://evil.example")).toBe("/signin");
    expect(signInPath("/.//evil.example/phish")).toBe("/signin");
  });

  it("whatever it is given, the redirect it allows keeps a browser on our origin, also once decoded, and stays as it is when judged again", () => {
    fc.assert(
      fc.property(hostileReturnPath, (value) => {
        const path = safeReturnPath(value, "/home");
        // Printable ASCII only: nothing a browser strips or a header can't carry.
        expect(path).toMatch(/^\/[\x21-\x7e]*$/);
        for (const decoded of decodings(path)) expect(followed(decoded).origin, decoded).toBe(ORIGIN);
        expect(safeReturnPath(path, "/fallback")).toBe(path);
      }),
      { numRuns: 3000 },
    );
  });

  it("a return path survives the trip through the sign-in address unchanged, and nothing else gets through it", () => {
    fc.assert(
      fc.property(hostileReturnPath, (value) => {
        const signIn = followed(signInPath(value));
        expect(signIn.origin).toBe(ORIGIN);
        expect(signIn.pathname).toBe("/signin");
        const carried = signIn.searchParams.get("callbackUrl");
        const kept = safeReturnPath(value, "");
        expect(carried ?? "").toBe(kept);
        // The sign-in page judges what it reads from its query again.
        if (carried !== null) expect(safeReturnPath(carried, "")).toBe(carried);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("authRedirect (Auth.js's redirect callback)", () => {
  it("keeps our own addresses and paths, absolute or not", () => {
    expect(authRedirect({ url: `${ORIGIN}/admin?x=1`, baseUrl: ORIGIN })).toBe(`${ORIGIN}/admin?x=1`);
    expect(authRedirect({ url: "/partner/requests", baseUrl: ORIGIN })).toBe(`${ORIGIN}/partner/requests`);
    expect(authRedirect({ url: "/", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
  });

  it.each([
    "https://evil.example/phish",
    `${ORIGIN}.evil.example/`,
    `${ORIGIN}@evil.example/`,
    `${ORIGIN}/.//evil.example/phish`,
    "/.//evil.example/phish",
    "//evil.example",
    "javascript:alert(1)",
  ])("sends %j home instead", (url) => {
    expect(authRedirect({ url, baseUrl: ORIGIN })).toBe(`${ORIGIN}/home`);
  });

  it("whatever callbackUrl a sign-in link carries, Auth.js's redirect stays on our origin", () => {
    const onOrigin = fc.tuple(fc.constantFrom(ORIGIN, `${ORIGIN}/`, "http://app.example", `${ORIGIN}:443`), hostileReturnPath).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(hostileReturnPath, onOrigin), (url) => {
        const target = authRedirect({ url, baseUrl: ORIGIN });
        expect(followed(target).origin).toBe(ORIGIN);
        expect(target.startsWith(`${ORIGIN}/`)).toBe(true);
        expect(safeReturnPath(target.slice(ORIGIN.length), "")).toBe(target.slice(ORIGIN.length));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("isProtectedPath", () => {
  it("protects the admin center and partner portal but not the public directory", () => {
    expect(isProtectedPath("/admin")).toBe(true);
    expect(isProtectedPath("/admin/settings/partner-relationships")).toBe(true);
    expect(isProtectedPath("/partner")).toBe(true);
    expect(isProtectedPath("/partner/requests")).toBe(true);
    expect(isProtectedPath("/partners")).toBe(false);
    expect(isProtectedPath("/partners/fabrikam-partners")).toBe(false);
    expect(isProtectedPath("/")).toBe(false);
  });
});
