import { describe, expect, it } from "vitest";
import { durationLabel, effectiveStatus, gdapProblems, rolesFor } from "@/lib/invitations/rules";
import { hashToken, invitationToken, isWellFormedToken, newTokenSalt } from "@/lib/invitations/tokens";

describe("invitation rules", () => {
  it("gives fixed roles by type and chosen roles only for GDAP", () => {
    expect(rolesFor("delegated_admin", ["reports_reader"])).toEqual(["global_admin", "helpdesk_admin"]);
    expect(rolesFor("reseller_delegated_admin", [])).toEqual(["global_admin", "helpdesk_admin"]);
    expect(rolesFor("advisor", [])).toEqual(["helpdesk_admin", "service_support_admin"]);
    expect(rolesFor("reseller", ["global_admin"])).toEqual([]);
    expect(rolesFor("gdap", ["helpdesk_admin", "not_a_role"])).toEqual(["helpdesk_admin"]);
  });

  it("bounds GDAP durations to 1 day – 2 years", () => {
    expect(gdapProblems(["helpdesk_admin"], 1, false)).toEqual([]);
    expect(gdapProblems(["helpdesk_admin"], 730, true)).toEqual([]);
    expect(gdapProblems(["helpdesk_admin"], 0, false).map((p) => p.field)).toEqual(["durationDays"]);
    expect(gdapProblems(["helpdesk_admin"], 731, false).map((p) => p.field)).toEqual(["durationDays"]);
    expect(gdapProblems(["helpdesk_admin"], 1.5, false).map((p) => p.field)).toEqual(["durationDays"]);
    expect(gdapProblems([], 30, false).map((p) => p.field)).toEqual(["roles"]);
  });

  it("never lets access with Global administrator auto-extend", () => {
    expect(gdapProblems(["global_admin"], 30, true).map((p) => p.field)).toEqual(["autoExtend"]);
    expect(gdapProblems(["global_admin"], 30, false)).toEqual([]);
  });

  it("expires pending invitations by date alone", () => {
    const now = new Date("2026-11-27T12:00:00Z");
    expect(effectiveStatus({ status: "pending", expiresAt: new Date("2026-11-27T11:59:59Z") }, now)).toBe("expired");
    expect(effectiveStatus({ status: "pending", expiresAt: new Date("2026-11-27T12:00:01Z") }, now)).toBe("pending");
    expect(effectiveStatus({ status: "accepted", expiresAt: new Date("2020-01-01T00:00:00Z") }, now)).toBe("accepted");
  });

  it("labels durations", () => {
    expect(durationLabel(730)).toBe("2 years");
    expect(durationLabel(1)).toBe("1 day");
    expect(durationLabel(180)).toBe("180 days");
  });
});

describe("invitation tokens", () => {
  it("derives a 256-bit URL-safe token from a random salt and the server secret", () => {
    const salt = newTokenSalt();
    expect(Buffer.from(salt, "base64url")).toHaveLength(32);
    const token = invitationToken(salt, "secret-a");
    expect(isWellFormedToken(token)).toBe(true);
    expect(invitationToken(salt, "secret-a")).toBe(token);
    expect(invitationToken(salt, "secret-b")).not.toBe(token);
    expect(invitationToken(newTokenSalt(), "secret-a")).not.toBe(token);
  });

  it("stores a hash that is not the token", () => {
    const token = invitationToken(newTokenSalt(), "s");
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it("rejects malformed tokens before any look-up", () => {
    for (const bad of ["", "short", "x".repeat(44), "a".repeat(42) + "!", "../../etc/passwd"]) expect(isWellFormedToken(bad)).toBe(false);
  });
});
