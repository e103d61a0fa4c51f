import type { Metadata } from "next";
import { NoAccess } from "@/components/layout/area-shell";
import { CreateGroupForm, InvitePersonForm } from "@/components/access/access-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { setGroupMemberAction, setPersonActiveAction } from "@/lib/access/actions";
import { teamOf } from "@/lib/access/service";
import { getAreaContext } from "@/lib/context";
import { entryFor, readSearchParams, type SearchParams } from "@/lib/page-params";
import { PARTNER_AGENT_ROLE_NAMES, PARTNER_AGENT_ROLES, type PartnerAgentRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Team" };

const NOTICES: Record<string, string> = {
  person_added: "Invited. They get an email with a link to sign in.",
  deactivated: "Deactivated: their access ended everywhere at once.",
  reactivated: "Reactivated.",
  group_created: "Group created. Add people, then assign it roles on a customer's page.",
  member_added: "Added to the group.",
  member_removed: "Removed from the group.",
  nothing: "Nothing needed to change.",
};
const ERRORS: Record<string, string> = { forbidden: "Only admin agents manage the team.", not_found: "That was not found.", self: "You can't deactivate yourself." };

const roleName = (role: string) => PARTNER_AGENT_ROLE_NAMES[role as PartnerAgentRole] ?? role;

export default async function TeamPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await readSearchParams(searchParams);
  const context = await getAreaContext("team.manage", "/partner/team");
  if (!context) {
    return (
      <NoAccess title="Team">
        <p>Admin agents of a partner organization manage its people and security groups.</p>
      </NoAccess>
    );
  }
  const { people, groups } = await teamOf(await getDb(), context.membership.organizationId);
  const notice = entryFor(NOTICES, query.done);
  const problem = entryFor(ERRORS, query.error);
  const active = people.filter((p) => !p.deactivatedAt);
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">Team</h1>
        <p className="mt-1 text-gray-700">
          The people of {context.membership.organizationName} and their security groups. Only members of a group act in a customer, with the roles the
          group is assigned there.
        </p>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {problem && <Alert tone="danger">{problem}</Alert>}

      <Table>
        <TableCaption className="text-left text-sm text-gray-700">People</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Roles</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Action</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {people.map((p) => (
            <TableRow key={p.membershipId}>
              <TableCell className="font-medium text-gray-900">{p.name ?? "—"}</TableCell>
              <TableCell className="wrap-anywhere">{p.email}</TableCell>
              <TableCell>{p.roles.map(roleName).join(", ") || "None"}</TableCell>
              <TableCell>{p.deactivatedAt ? <Badge tone="neutral">Deactivated</Badge> : <Badge tone="success">Active</Badge>}</TableCell>
              <TableCell>
                {p.userId !== context.actor.userId && (
                  <form action={setPersonActiveAction}>
                    <input type="hidden" name="membershipId" value={p.membershipId} />
                    <input type="hidden" name="active" value={p.deactivatedAt ? "1" : "0"} />
                    <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
                      {p.deactivatedAt ? "Reactivate" : "Deactivate"}
                      <span className="sr-only"> {p.name ?? p.email}</span>
                    </SubmitButton>
                  </form>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <section aria-labelledby="invite" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="invite" className="text-lg font-semibold text-gray-900">
          Invite a person
        </h2>
        <InvitePersonForm roles={PARTNER_AGENT_ROLES.map((id) => ({ id, name: PARTNER_AGENT_ROLE_NAMES[id] }))} />
      </section>

      <section aria-labelledby="groups" className="space-y-4">
        <h2 id="groups" className="text-lg font-semibold text-gray-900">
          Security groups
        </h2>
        {groups.length === 0 && <p className="text-gray-700">No groups yet.</p>}
        <ul className="space-y-3">
          {groups.map((group) => (
            <li key={group.id} className="rounded-md border border-gray-200 bg-white p-4 text-sm">
              <h3 className="font-semibold text-gray-900">{group.name}</h3>
              <ul className="mt-2 space-y-1">
                {active.map((person) => {
                  const inGroup = group.members.includes(person.userId);
                  return (
                    <li key={person.userId} className="flex flex-wrap items-center justify-between gap-2">
                      <span className="wrap-anywhere">
                        {person.name ?? person.email} {inGroup && <Badge tone="info">Member</Badge>}
                      </span>
                      <form action={setGroupMemberAction}>
                        <input type="hidden" name="groupId" value={group.id} />
                        <input type="hidden" name="userId" value={person.userId} />
                        <input type="hidden" name="member" value={inGroup ? "0" : "1"} />
                        <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
                          {inGroup ? "Remove" : "Add"}
                          <span className="sr-only">
                            {" "}
                            {person.name ?? person.email} {inGroup ? "from" : "to"} {group.name}
                          </span>
                        </SubmitButton>
                      </form>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        <div className="rounded-lg border border-gray-200 bg-white p-5">
          <CreateGroupForm />
        </div>
      </section>
    </main>
  );
}
