import { describe, expect, it } from "vitest";
import { AuthorizationError, hasPermission, homePathFor, requireMembership, requirePermission, type Actor } from "@/lib/authz";

const CONTOSO = "00000000-0000-4000-8000-000000000001";
const FABRIKAM = "00000000-0000-4000-8000-000000000002";

function actor(kind: "customer" | "partner", organizationId: string, roles: string[]): Actor {
  return { userId: "u", email: "u@example.com", name: null, memberships: [{ organizationId, organizationName: "Org", kind, roles }] };
}

describe("permissions", () => {
  it("lets only Global and Billing administrators accept invitations", () => {
    expect(hasPermission(actor("customer", CONTOSO, ["global_admin"]), "invitations.accept", CONTOSO)).toBe(true);
    expect(hasPermission(actor("customer", CONTOSO, ["billing_admin"]), "invitations.accept", CONTOSO)).toBe(true);
    expect(hasPermission(actor("customer", CONTOSO, ["helpdesk_admin"]), "invitations.accept", CONTOSO)).toBe(false);
    expect(hasPermission(actor("customer", CONTOSO, []), "invitations.accept", CONTOSO)).toBe(false);
  });

  it("never crosses organizations or kinds", () => {
    expect(hasPermission(actor("customer", CONTOSO, ["global_admin"]), "invitations.accept", FABRIKAM)).toBe(false);
    expect(hasPermission(actor("partner", FABRIKAM, ["admin_agent"]), "invitations.accept", FABRIKAM)).toBe(false);
    expect(hasPermission(null, "relationships.view", CONTOSO)).toBe(false);
  });

  it("keeps admin-role invitations for admin agents", () => {
    expect(hasPermission(actor("partner", FABRIKAM, ["sales_agent"]), "invitations.send", FABRIKAM)).toBe(true);
    expect(hasPermission(actor("partner", FABRIKAM, ["sales_agent"]), "invitations.send_admin_roles", FABRIKAM)).toBe(false);
    expect(hasPermission(actor("partner", FABRIKAM, ["admin_agent"]), "invitations.send_admin_roles", FABRIKAM)).toBe(true);
  });

  it("throws the right reason", () => {
    expect(() => requirePermission(null, "admin.view", CONTOSO)).toThrow(AuthorizationError);
    try {
      requirePermission(actor("customer", CONTOSO, []), "relationships.remove_roles", CONTOSO);
    } catch (error) {
      expect((error as AuthorizationError).reason).toBe("forbidden");
    }
  });

  it("lands people in their own area", () => {
    expect(homePathFor(actor("customer", CONTOSO, []))).toBe("/admin");
    expect(homePathFor(actor("partner", FABRIKAM, ["sales_agent"]))).toBe("/partner");
    expect(homePathFor({ userId: "u", email: "x@y.z", name: null, memberships: [] })).toBeNull();
  });
});

describe("requireMembership", () => {
  it("narrows to the actor and the organization where they hold the permission, and refuses everyone else", () => {
    const admin = actor("customer", CONTOSO, ["global_admin"]);
    expect(requireMembership(admin, "relationships.remove_roles").membership.organizationId).toBe(CONTOSO);
    expect(requireMembership(admin, "relationships.remove_roles", CONTOSO).actor).toBe(admin);
    // A named organization is that organization: an empty or other id never falls back to the person's own.
    for (const other of ["", FABRIKAM, " "]) expect(() => requireMembership(admin, "relationships.remove_roles", other)).toThrow(AuthorizationError);
    expect(() => requireMembership(actor("customer", CONTOSO, ["helpdesk_admin"]), "relationships.remove_roles")).toThrow(AuthorizationError);
    expect(() => requireMembership(admin, "invitations.send")).toThrow(AuthorizationError);
    expect(() => requireMembership(null, "relationships.view")).toThrow(expect.objectContaining({ reason: "unauthenticated" }));
  });
});
