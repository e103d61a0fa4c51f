import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideGrant, describeChanges, isoDay, KEEP_ONE_ROLE, parseDay } from "@/lib/relationships/decision";
import { DIRECTORY_ROLES, roleName, type RoleId } from "@/lib/roles";
import { DAY_MS } from "@/lib/time";

const now = new Date("2026-12-02T10:30:00Z");
const requested = {
  roles: ["exchange_admin", "helpdesk_admin", "license_admin"] as RoleId[],
  endsAt: new Date(now.getTime() + 180 * DAY_MS),
  autoExtend: true,
};

describe("what a customer grants of a request", () => {
  it("grants the request whole when nothing is changed, and records no changes", () => {
    expect(decideGrant(requested, {}, now)).toEqual({ ok: true, granted: { roles: requested.roles, endsAt: requested.endsAt, autoExtend: true, changes: null } });
    // The requested day, sent back as it was shown, is the requested end to the millisecond.
    const same = decideGrant(requested, { roles: [...requested.roles], endsOn: isoDay(requested.endsAt), autoExtend: true }, now);
    expect(same).toMatchObject({ ok: true, granted: { endsAt: requested.endsAt, changes: null } });
  });

  it("grants a subset, an earlier end and auto-extend off, and records each change", () => {
    const result = decideGrant(requested, { roles: ["license_admin", "helpdesk_admin"], endsOn: "2027-03-01", autoExtend: false }, now);
    expect(result).toEqual({
      ok: true,
      granted: {
        roles: ["helpdesk_admin", "license_admin"],
        endsAt: new Date("2027-03-01T10:30:00Z"),
        autoExtend: false,
        changes: {
          rolesNotGranted: ["exchange_admin"],
          endsAt: { requested: requested.endsAt.toISOString(), granted: "2027-03-01T10:30:00.000Z" },
          autoExtendOff: true,
        },
      },
    });
    if (result.ok) {
      expect(describeChanges(result.granted.changes!, roleName)).toEqual(["Not granted: Exchange administrator", "End date: May 31, 2027 → Mar 1, 2027", "Auto-extend: off"]);
    }
  });

  it("refuses field by field: no role left, a role never asked for, a later end, today, a date that is not one", () => {
    expect(decideGrant(requested, { roles: [] }, now)).toEqual({ ok: false, fieldErrors: { roles: [KEEP_ONE_ROLE] } });
    expect(decideGrant(requested, { roles: ["global_admin"] }, now)).toMatchObject({ ok: false, fieldErrors: { roles: [expect.stringContaining("asked for")] } });
    expect(decideGrant(requested, { endsOn: "2027-06-01" }, now)).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.stringContaining("May 31, 2027 at the latest")] } });
    expect(decideGrant(requested, { endsOn: "2026-12-02" }, now)).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.stringContaining("tomorrow")] } });
    expect(decideGrant(requested, { endsOn: "2027-02-30" }, now)).toMatchObject({ ok: false, fieldErrors: { endsOn: [expect.stringContaining("as a date")] } });
    expect(decideGrant(requested, { roles: [], endsOn: "soon" }, now)).toMatchObject({ ok: false, fieldErrors: { roles: [KEEP_ONE_ROLE], endsOn: [expect.any(String)] } });
  });

  it("never turns on what was not asked for: auto-extend stays off, a request without an end keeps none", () => {
    expect(decideGrant({ ...requested, autoExtend: false }, { autoExtend: true }, now)).toMatchObject({ ok: true, granted: { autoExtend: false, changes: null } });
    expect(decideGrant({ roles: ["global_admin"], endsAt: null, autoExtend: false }, { endsOn: "2027-01-01" }, now)).toMatchObject({ ok: true, granted: { endsAt: null } });
  });

  it("parses only real calendar days", () => {
    expect(parseDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2027-02-29", "2027-13-01", "27-01-01", "2027-1-1", "", "2027-01-01T00:00"]) expect(parseDay(bad)).toBeUndefined();
  });

  it("property: whatever is sent, what is granted is never more than what was asked", () => {
    const roleIds = DIRECTORY_ROLES.map((r) => r.id);
    fc.assert(
      fc.property(
        fc.subarray(roleIds, { minLength: 1 }),
        fc.integer({ min: 1, max: 730 }),
        fc.boolean(),
        fc.option(fc.array(fc.oneof(fc.constantFrom(...roleIds), fc.string()), { maxLength: 25 }), { nil: undefined }),
        fc.option(fc.oneof(fc.integer({ min: -5, max: 800 }).map((d) => isoDay(new Date(now.getTime() + d * DAY_MS))), fc.string()), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (asked, days, askedAutoExtend, roles, endsOn, autoExtend) => {
          const request = { roles: asked, endsAt: new Date(now.getTime() + days * DAY_MS), autoExtend: askedAutoExtend };
          const result = decideGrant(request, { roles, endsOn, autoExtend }, now);
          if (!result.ok) return;
          const { granted } = result;
          expect(granted.roles.length).toBeGreaterThan(0);
          expect(granted.roles.every((role) => asked.includes(role))).toBe(true);
          expect(granted.endsAt!.getTime()).toBeLessThanOrEqual(request.endsAt.getTime());
          expect(granted.endsAt!.getTime()).toBeGreaterThan(now.getTime());
          if (!askedAutoExtend) expect(granted.autoExtend).toBe(false);
          expect(granted.changes === null).toBe(granted.roles.length === asked.length && granted.endsAt!.getTime() === request.endsAt.getTime() && granted.autoExtend === askedAutoExtend);
        },
      ),
    );
  });
});
