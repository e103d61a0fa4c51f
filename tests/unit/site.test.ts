import { describe, expect, it } from "vitest";
import { appUrl } from "@/lib/email/config";
import { refuseUnsafeRequest } from "@/lib/security/request-guard";
import { configuredSiteUrl } from "@/lib/site";

const postFrom = (origin: string, env: Record<string, string>) =>
  refuseUnsafeRequest({ method: "POST", headers: new Headers({ host: "app.internal:3000", origin }), nextUrl: { pathname: "/signin" } }, env);

describe("the configured site address", () => {
  it("is AUTH_URL, else APP_URL, and nothing when neither is set or it is not a URL", () => {
    expect(configuredSiteUrl({ AUTH_URL: "https://partnerships.example/base", APP_URL: "https://other.example" })?.origin).toBe("https://partnerships.example");
    expect(configuredSiteUrl({ APP_URL: "https://app.example:8443" })?.host).toBe("app.example:8443");
    expect(configuredSiteUrl({})).toBeNull();
    expect(configuredSiteUrl({ AUTH_URL: "partnerships.example" })).toBeNull();
  });

  it("is one address for the links in emails and the origins a form may come from", () => {
    const env = { APP_URL: "https://Partnerships.Example" };
    expect(appUrl(env)).toBe("https://partnerships.example");
    expect(postFrom("https://partnerships.example", env)).toBeNull();
    expect(postFrom("https://evil.example", env)?.status).toBe(403);
    // A malformed setting trusts no host and links to this machine.
    expect(postFrom("https://partnerships.example", { AUTH_URL: "not a url" })?.status).toBe(403);
    expect(appUrl({ AUTH_URL: "not a url", PORT: "3100" })).toBe("http://localhost:3100");
  });
});
