import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, refuseUnsafeRequest } from "@/lib/security/request-guard";

const ENV = { AUTH_URL: "https://partnerships.example" };

function post(headers: Record<string, string>, method = "POST", pathname = "/signin") {
  return refuseUnsafeRequest({ method, headers: new Headers({ host: "app.internal:3000", ...headers }), nextUrl: { pathname } }, ENV);
}

describe("refuseUnsafeRequest", () => {
  it("refuses a form or action posted from another site, or from an opaque origin, with 403", () => {
    for (const origin of ["null", "https://evil.example", "http://app.internal:3001", "http://app.internal:3000.evil.example", "file://", "data:text/html,x", "not a url"]) {
      expect(post({ origin })?.status, origin).toBe(403);
    }
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom("POST", "PUT", "PATCH", "DELETE", "post"), (url, method) => {
        const origin = new URL(url).origin;
        fc.pre(origin !== "http://app.internal:3000" && origin !== ENV.AUTH_URL);
        expect(post({ origin }, method)?.status).toBe(403);
      }),
    );
  });

  it("lets through its own origin (the Host, X-Forwarded-Host, or AUTH_URL), requests without Origin, and every safe method", () => {
    expect(post({ origin: "http://app.internal:3000" })).toBeNull();
    expect(post({ origin: "https://partnerships.example" })).toBeNull();
    expect(post({ origin: "https://public.example", "x-forwarded-host": "public.example" })).toBeNull();
    expect(post({})).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom("GET", "HEAD", "OPTIONS"), fc.string(), (method, origin) => {
        fc.pre(!/[\r\n\0]/.test(origin));
        let headers: Record<string, string>;
        try {
          headers = Object.fromEntries(new Headers({ origin, "content-length": String(10 * MAX_BODY_BYTES) }));
        } catch {
          return;
        }
        expect(post(headers, method)).toBeNull();
      }),
    );
  });

  it("refuses a body over 1 MB with 413, and a body of unknown length with 411, before any handler reads it", () => {
    expect(post({ origin: "http://app.internal:3000", "content-length": String(MAX_BODY_BYTES + 1) })?.status).toBe(413);
    expect(post({ "content-length": String(2 * MAX_BODY_BYTES) })?.status).toBe(413);
    expect(post({ "content-length": String(MAX_BODY_BYTES) })).toBeNull();
    expect(post({ "transfer-encoding": "chunked" })?.status).toBe(411);
  });

  it("refuses an address whose percent-escapes are not UTF-8 with 400, whatever the method", () => {
    for (const pathname of ["/partners/%ff", "/partners/%c0%80", "/admin/invitations/%ed%a0%80", "/dev/mailbox/%ff/raw", "/api/auth/%ff", "/x/%"]) {
      expect(post({}, "GET", pathname)?.status, pathname).toBe(400);
    }
    for (const pathname of ["/partners/contoso", "/partners/caf%C3%A9", "/a%25b", "/%00"]) expect(post({}, "GET", pathname), pathname).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(text.isWellFormed());
        expect(post({}, "GET", `/partners/${encodeURIComponent(text)}`)).toBeNull();
      }),
    );
  });
});
