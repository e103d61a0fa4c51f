import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARTNER_TASKS, roleNote, rolesForTasks, rolesNotNeeded, NOT_NEEDED } from "@/lib/relationships/tasks";
import { DIRECTORY_ROLES, getRole, isRoleId, rolesLeastPrivilegedFirst } from "@/lib/roles";

describe("the least-privilege advisor", () => {
  it("maps every task to roles of the catalog, never to Global administrator", () => {
    for (const task of PARTNER_TASKS) {
      expect(task.roles.length).toBeGreaterThan(0);
      for (const role of task.roles as readonly string[]) expect(isRoleId(role) && role !== "global_admin").toBe(true);
    }
    expect(new Set(PARTNER_TASKS.map((t) => t.id)).size).toBe(PARTNER_TASKS.length);
  });

  it("proposes the tasks' roles and marks the rest as not needed", () => {
    expect(rolesForTasks(["manage_licenses", "reset_passwords"])).toEqual(["license_admin", "helpdesk_admin"]);
    expect(rolesNotNeeded(["license_admin", "exchange_admin", "global_admin"], ["manage_licenses"])).toEqual(["exchange_admin", "global_admin"]);
    expect(roleNote("exchange_admin", ["manage_licenses"])).toBe(NOT_NEEDED);
    expect(roleNote("license_admin", ["manage_licenses"])).toBeUndefined();
    // No stated task: nothing to judge by, nothing marked.
    expect(rolesNotNeeded(["global_admin"], [])).toEqual([]);
  });

  it("property: a role is either needed by the stated tasks or marked, never both", () => {
    const roleIds = DIRECTORY_ROLES.map((r) => r.id);
    fc.assert(
      fc.property(fc.subarray(PARTNER_TASKS.map((t) => t.id), { minLength: 1 }), fc.subarray(roleIds), (tasks, roles) => {
        const needed = new Set<string>(rolesForTasks(tasks));
        const marked = new Set(rolesNotNeeded(roles, tasks));
        for (const role of roles) expect(needed.has(role) !== marked.has(role)).toBe(true);
      }),
    );
  });

  it("the picker orders roles from least to most privileged, Global administrator last", () => {
    const ordered = rolesLeastPrivilegedFirst();
    expect(ordered.at(-1)?.id).toBe("global_admin");
    for (let i = 1; i < ordered.length; i++) expect(getRole(ordered[i]!.id).rank).toBeGreaterThan(getRole(ordered[i - 1]!.id).rank);
  });
});
