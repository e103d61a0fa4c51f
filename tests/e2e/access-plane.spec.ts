import { expect, test } from "./fixtures";
import { acceptInvitationAs, sendInvitation } from "./helpers";

test("a partner's group gets Helpdesk administrator, its technician's token opens the sample API; the customer blocks them and the token stops working", async ({ pageAs, request }) => {
  const stamp = Date.now().toString(36);
  const customer = { email: `admin@lucerne${stamp}.example`, name: `Lucerne${stamp}` };
  const tech = { email: `tech${stamp}@fabrikam.example`, name: `Patti ${stamp}` };
  const agent = await pageAs("agent@fabrikam.example");
  const link = await sendInvitation(agent, { to: customer.email, type: /^Granular delegated administrator/, roles: [/^Helpdesk administrator/], durationDays: 90 });
  const admin = await pageAs(customer.email);
  await acceptInvitationAs(admin, link, customer.email);

  // The partner: a technician, a group with them in it, the group's assignment in the customer.
  await agent.goto("/partner/team");
  const invite = agent.getByRole("region", { name: "Invite a person" });
  await invite.getByLabel("Email").fill(tech.email);
  await invite.getByLabel("Name (optional)").fill(tech.name);
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(agent.getByText("Invited. They get an email with a link to sign in.")).toBeVisible();
  await agent.getByLabel("Group name").fill(`Helpdesk ${stamp}`);
  await agent.getByRole("button", { name: "Create group" }).click();
  await expect(agent.getByText(/^Group created/)).toBeVisible();
  await agent.getByRole("button", { name: `Add ${tech.name} to Helpdesk ${stamp}` }).click();
  await expect(agent.getByText("Added to the group.")).toBeVisible();

  await agent.goto(`/partner/customers?q=${customer.name}`);
  await agent.getByRole("link", { name: customer.name, exact: true }).click();
  const customerPage = agent.url();
  const assign = agent.getByRole("region", { name: "Access assignments" });
  await assign.getByLabel("Group").selectOption({ label: `Helpdesk ${stamp}` });
  await assign.getByRole("checkbox", { name: "Helpdesk administrator" }).check();
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(agent.getByText("Access assigned. Members of the group can get tokens for these roles.")).toBeVisible();

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
