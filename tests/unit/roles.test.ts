import { describe, expect, it } from "vitest";
import { RELATIONSHIP_TYPES } from "@/lib/relationships/types";
import { DIRECTORY_ROLES, isRoleId, mostPrivileged } from "@/lib/roles";

describe("role catalog", () => {
  it("has the directory roles partners may ask for, each described", () => {
    const names = DIRECTORY_ROLES.map((r) => r.name);
    for (const name of ["Global administrator", "Billing administrator", "Helpdesk administrator", "Global reader", "Directory readers", "Privileged authentication administrator"]) {
      expect(names).toContain(name);
    }
    for (const role of DIRECTORY_ROLES) expect(role.description.length).toBeGreaterThan(20);
  });

  it("names the most privileged role", () => {
    expect(mostPrivileged(["helpdesk_admin", "global_admin", "reports_reader"])?.name).toBe("Global administrator");
    expect(mostPrivileged([])).toBeUndefined();
  });

  it("covers all eight relationship types of the spec, with fixed roles from the catalog", () => {
    expect(RELATIONSHIP_TYPES.map((t) => t.id)).toEqual(["gdap", "reseller", "delegated_admin", "reseller_delegated_admin", "partner", "advisor", "mpsa", "lob"]);
    for (const type of RELATIONSHIP_TYPES) for (const role of type.fixedRoles) expect(isRoleId(role)).toBe(true);
    expect(RELATIONSHIP_TYPES.find((t) => t.id === "delegated_admin")?.fixedRoles).toEqual(["global_admin", "helpdesk_admin"]);
  });
});

describe("removing roles", () => {
  it("keeps the other types and leaves a Reseller & delegated administrator a Reseller", async () => {
    const { typesAfterRemovingRoles } = await import("@/lib/relationships/types");
    expect(typesAfterRemovingRoles(["reseller", "gdap"])).toEqual(["reseller"]);
    expect(typesAfterRemovingRoles(["reseller_delegated_admin"])).toEqual(["reseller"]);
    expect(typesAfterRemovingRoles(["delegated_admin", "lob", "mpsa"])).toEqual(["mpsa", "lob"]);
    expect(typesAfterRemovingRoles(["advisor"])).toEqual([]);
  });
});
