import { describe, expect, it } from "vitest";
import { article, withArticle } from "@/emails/components/text";
import { describeEvent, eventActor } from "@/lib/audit/rules";
import { describeRemovalPlan, planRoleRemoval, removalSummary } from "@/lib/relationships/rules";

describe("what Remove roles ends", () => {
  it("ends an Advisor relationship with no other type, and says the relationship ends", () => {
    const plan = planRoleRemoval(["advisor"], [
      { roleId: "helpdesk_admin", viaType: "advisor" },
      { roleId: "service_support_admin", viaType: "advisor" },
    ]);
    expect(plan).toMatchObject({ ending: ["advisor"], added: [], remaining: [], relationshipEnds: true });
    const text = describeRemovalPlan(plan, "Fabrikam");
    expect(text.ends).toEqual(["The Advisor relationship ends."]);
    expect(text.stays).toMatch(/^The relationship with Fabrikam ends/);
    expect(text.stays).not.toContain("stays");
    expect(text.stays).not.toContain("contact");
  });

  it("keeps a Reseller and says to contact the partner to end it", () => {
    const plan = planRoleRemoval(["gdap", "reseller"], [{ roleId: "helpdesk_admin", viaType: "gdap" }]);
    expect(plan).toMatchObject({ ending: ["gdap"], remaining: ["reseller"], relationshipEnds: false });
    expect(describeRemovalPlan(plan, "Fabrikam").stays).toBe("The relationship stays: Fabrikam remains your Reseller. To end that too, contact Fabrikam.");
  });

  it("ends a GDAP-only relationship without telling anyone to contact the partner", () => {
    const plan = planRoleRemoval(["gdap"], [{ roleId: "user_admin", viaType: "gdap" }]);
    expect(plan.relationshipEnds).toBe(true);
    expect(describeRemovalPlan(plan, "Fabrikam").stays).not.toContain("contact Fabrikam to end");
  });

  it("turns a Reseller & delegated administrator into a Reseller", () => {
    const plan = planRoleRemoval(["reseller_delegated_admin"], [
      { roleId: "global_admin", viaType: "reseller_delegated_admin" },
      { roleId: "helpdesk_admin", viaType: "reseller_delegated_admin" },
    ]);
    expect(plan).toMatchObject({ ending: ["reseller_delegated_admin"], added: ["reseller"], remaining: ["reseller"], relationshipEnds: false });
    expect(describeRemovalPlan(plan, "Fabrikam").ends[0]).toContain("stays your Reseller");
  });

  it("removes one role from one type: the other type keeps its grant and stays", () => {
    const grants = [
      { roleId: "helpdesk_admin", viaType: "gdap" as const },
      { roleId: "global_admin", viaType: "delegated_admin" as const },
      { roleId: "helpdesk_admin", viaType: "delegated_admin" as const },
    ];
    const plan = planRoleRemoval(["gdap", "delegated_admin"], grants, { roleId: "helpdesk_admin", viaType: "gdap" });
    expect(plan.removing).toEqual([grants[0]]);
    expect(plan).toMatchObject({ ending: ["gdap"], remaining: ["delegated_admin"], relationshipEnds: false });
    // Without a type, the role goes from every type that grants it; GDAP ends, Delegated administrator keeps Global administrator.
    const both = planRoleRemoval(["gdap", "delegated_admin"], grants, { roleId: "helpdesk_admin" });
    expect(both.removing).toHaveLength(2);
    expect(both.ending).toEqual(["gdap"]);
    // A role not held removes nothing and ends nothing.
    expect(planRoleRemoval(["gdap"], grants, { roleId: "exchange_admin" })).toMatchObject({ removing: [], ending: [] });
  });

  it("names each grant with its type and its own end date", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const summary = removalSummary(
      [
        { type: "gdap", endsAt: new Date("2027-05-30T00:00:00Z"), terminatedAt: null },
        { type: "delegated_admin", endsAt: null, terminatedAt: null },
      ],
      [
        { roleId: "helpdesk_admin", viaType: "gdap", endedAt: null, expiresAt: new Date("2027-05-30T00:00:00Z") },
        { roleId: "helpdesk_admin", viaType: "delegated_admin", endedAt: null, expiresAt: null },
        { roleId: "global_admin", viaType: "delegated_admin", endedAt: null, expiresAt: null },
      ],
      "Fabrikam",
      undefined,
      now,
    );
    expect(summary.removing).toEqual([
      { role: "Global administrator", type: "Delegated administrator", until: null },
      { role: "Helpdesk administrator", type: "Delegated administrator", until: null },
      { role: "Helpdesk administrator", type: "Granular delegated administrator", until: "May 30, 2027" },
    ]);
    expect(summary.relationshipEnds).toBe(true);
  });
});

describe("activity entries", () => {
  it("name the relationship type and every role", () => {
    expect(describeEvent({ action: "invitation.accepted", details: { type: "reseller" } })).toBe("Reseller invitation accepted");
    expect(describeEvent({ action: "invitation.declined", details: { type: "advisor", reason: "Not now" } })).toBe(
      "Advisor invitation canceled by the customer. Reason: Not now",
    );
    expect(describeEvent({ action: "roles.granted", details: { type: "delegated_admin", roles: ["Global administrator", "Helpdesk administrator"] } })).toBe(
      "Admin roles granted with the Delegated administrator relationship: Global administrator, Helpdesk administrator",
    );
    expect(
      describeEvent({
        action: "roles.removed",
        details: { grants: [{ role: "Helpdesk administrator", type: "Advisor" }], endedTypes: ["Advisor"], relationshipEnded: true },
      }),
    ).toBe("Admin roles removed: Helpdesk administrator (Advisor). Advisor relationship ended. The relationship ended: no type is left");
  });

  it("show people by name with their address for the title", () => {
    expect(eventActor({ actorLabel: "admin@contoso.example", actorName: "Megan Bowen" })).toEqual({ name: "Megan Bowen", email: "admin@contoso.example" });
    expect(eventActor({ actorLabel: "System", actorName: null })).toEqual({ name: "System", email: null });
  });
});

describe("emails", () => {
  it("put the right article before a type", () => {
    expect(withArticle("Advisor")).toBe("an Advisor");
    expect(withArticle("MPSA partner")).toBe("an MPSA partner");
    expect(withArticle("Reseller")).toBe("a Reseller");
    expect(withArticle("Line-of-business (LOB) partner")).toBe("a Line-of-business (LOB) partner");
    expect(article("Granular delegated administrator")).toBe("a");
  });
});
