import { describe, expect, it } from "vitest";
import { isProtectedPath, safeReturnPath, signInPath } from "@/lib/auth/paths";

describe("safeReturnPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeReturnPath("/admin/invitations/abc?x=1")).toBe("/admin/invitations/abc?x=1");
  });

  it.each(["https://evil.example/", "//evil.example/path", "/\\evil.example", "javascript:alert(1)", "admin", "", 42, undefined])(
    "refuses %s",
    (value) => {
      expect(safeReturnPath(value, "/home")).toBe("/home");
    },
  );

  it("builds the sign-in address with an encoded return path", () => {
    expect(signInPath("/admin?tab=1")).toBe("/signin?callbackUrl=%2Fadmin%3Ftab%3D1");
    expect(signInPath("https://evil.example")).toBe("/signin");
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
