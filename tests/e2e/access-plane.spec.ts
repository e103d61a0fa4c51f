import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { acceptInvitationAs, openLatestEmail, sendInvitation } from "./helpers";

/**
 * The partner's side: a technician invited to the team, a group with them in it, and the group's assignment of
 * Helpdesk administrator in the customer; returns the customer's page in the partner portal.
 */
async function technicianWithHelpdesk(agent: Page, customerName: string, tech: { email: string; name: string }, group: string): Promise<string> {
  await agent.goto("/partner/team");
  const invite = agent.getByRole("region", { name: "Invite a person" });
  await invite.getByLabel("Email").fill(tech.email);
  await invite.getByLabel("Name (optional)").fill(tech.name);
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(agent.getByText("Invited. They get an email with a link to sign in.")).toBeVisible();
  await agent.getByLabel("Group name").fill(group);
  await agent.getByRole("button", { name: "Create group" }).click();
  await expect(agent.getByText(/^Group created/)).toBeVisible();
  await agent.getByRole("button", { name: `Add ${tech.name} to ${group}` }).click();
  await expect(agent.getByText("Added to the group.")).toBeVisible();

  await agent.goto(`/partner/customers?q=${customerName}`);
  await agent.getByRole("link", { name: customerName, exact: true }).click();
  const customerPage = agent.url();
  const assign = agent.getByRole("region", { name: "Access assignments" });
  await assign.getByLabel("Group").selectOption({ label: group });
  await assign.getByRole("checkbox", { name: "Helpdesk administrator" }).check();
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(agent.getByText("Access assigned. Members of the group can get tokens for these roles.")).toBeVisible();
  return customerPage;
}

test("a partner's group gets Helpdesk administrator, its technician's token opens the sample API; the customer blocks them and the token stops working", async ({ pageAs, request }) => {
  const stamp = Date.now().toString(36);
  const customer = { email: `admin@lucerne${stamp}.example`, name: `Lucerne${stamp}` };
  const tech = { email: `tech${stamp}@fabrikam.example`, name: `Patti ${stamp}` };
  const agent = await pageAs("agent@fabrikam.example");
  const link = await sendInvitation(agent, { to: customer.email, type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays: 90 });
  const admin = await pageAs(customer.email);
  await acceptInvitationAs(admin, link, customer.email);

  // The partner: a technician, a group with them in it, the group's assignment in the customer.
  const customerPage = await technicianWithHelpdesk(agent, customer.name, tech, `Helpdesk ${stamp}`);

  // The technician gets a token; the sample resource server accepts it for a password reset.
  const technician = await pageAs(tech.email);
  await technician.goto(customerPage);
  const tokenSection = technician.getByRole("region", { name: "Get an access token" });
  await tokenSection.getByLabel("Reason").fill("Ticket 4711: password reset");
  await tokenSection.getByRole("button", { name: "Get a token" }).click();
  const token = await technician.getByLabel("Access token", { exact: true }).inputValue();
  expect(token.split(".")).toHaveLength(3);
  const reset = await request.post("/api/sample/reset-password", { headers: { authorization: `Bearer ${token}` } });
  expect(reset.status()).toBe(200);

  // The customer sees who can act, and blocks the technician: introspection says inactive at once, no new token.
  await admin.goto("/admin/settings/partner-relationships");
  await admin.getByRole("table").getByRole("link", { name: "Fabrikam Partners", exact: true }).click();
  const who = admin.getByRole("region", { name: "Who can act" });
  await expect(who).toContainText(tech.email);
  await expect(who).toContainText("last token");
  await who.getByRole("button", { name: `Block ${tech.name}` }).click();
  await expect(admin.getByText(/^Blocked: that person gets no token/)).toBeVisible();
  await expect(admin.getByRole("region", { name: "Activity" })).toContainText(`${tech.name} (Fabrikam Partners) obtained Helpdesk administrator for 10 min: Ticket 4711: password reset`);

  const introspection = await request.post("/api/oauth/introspect", { headers: { authorization: "Bearer e2e-introspection-secret" }, form: { token } });
  expect(await introspection.json()).toEqual({ active: false });
  expect((await request.post("/api/sample/reset-password", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await technician.goto(customerPage);
  await technician.getByRole("region", { name: "Get an access token" }).getByLabel("Reason").fill("Again");
  await technician.getByRole("button", { name: "Get a token" }).click();
  await expect(technician.getByText("You have no access to this customer.")).toBeVisible();
});

test("just-in-time with approval: the technician asks, the customer approves from the email, the token carries the role", async ({ pageAs }) => {
  const stamp = Date.now().toString(36);
  const customer = { email: `admin@tailwind${stamp}.example`, name: `Tailwind${stamp}` };
  const tech = { email: `jit${stamp}@fabrikam.example`, name: `Jamie ${stamp}` };
  const agent = await pageAs("agent@fabrikam.example");
  const link = await sendInvitation(agent, { to: customer.email, type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays: 90 });

  // The customer makes Helpdesk administrator just-in-time and asks to approve each activation.
  const admin = await pageAs(customer.email);
  await admin.goto(link);
  await admin.getByRole("checkbox", { name: /^Just-in-time for Helpdesk administrator/ }).check();
  await admin.getByRole("checkbox", { name: "Require my approval for each activation of a just-in-time role" }).check();
  await admin.getByRole("checkbox", { name: "I have read and acknowledge the Customer Agreement" }).check();
  await admin.getByRole("button", { name: "Accept & Authorize" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Partner relationships" })).toBeVisible();

  // The partner: the technician in a group assigned Helpdesk administrator.
  const customerPage = await technicianWithHelpdesk(agent, customer.name, tech, `JIT ${stamp}`);

  // Without an activation the technician has no role there.
  const technician = await pageAs(tech.email);
  await technician.goto(customerPage);
  const jit = technician.getByRole("region", { name: "Just-in-time roles" });
  await jit.getByLabel("Hours").fill("2");
  await jit.getByLabel("Justification").fill("Ticket 815: locked-out user");
  await jit.getByRole("button", { name: "Ask to activate" }).click();
  await expect(technician.getByText(/^Activation requested/)).toBeVisible();
  await expect(technician.getByRole("region", { name: "Just-in-time roles" })).toContainText("Helpdesk administrator: waiting for the customer's approval");

  // The customer approves from the email's link.
  await openLatestEmail(admin, customer.email, `${tech.name} of Fabrikam Partners asks to activate Helpdesk administrator in ${customer.name}`);
  await admin.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Approve or deny" }).click();
  const activations = admin.getByRole("region", { name: "Just-in-time activations" });
  await expect(activations).toContainText("Ticket 815: locked-out user");
  await activations.getByRole("button", { name: /^Approve/ }).click();
  await expect(admin.getByText(/^Approved: the role is active/)).toBeVisible();

  // Now the token carries it.
  await technician.goto(customerPage);
  const tokenSection = technician.getByRole("region", { name: "Get an access token" });
  await tokenSection.getByLabel("Reason").fill("Ticket 815");
  await tokenSection.getByRole("button", { name: "Get a token" }).click();
  await expect(technician.getByText(/^Token for Helpdesk administrator, valid until/)).toBeVisible();
});
