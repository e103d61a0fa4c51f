import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/layout/area-shell";
import { InviteMemberForm } from "@/components/users/user-forms";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";
import { entryFor, readSearchParams, type SearchParams } from "@/lib/page-params";
import { MEMBER_ROLES, memberRoleName } from "@/lib/roles";
import { listMembers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

const NOTICES: Record<string, string> = {
  invited: "Invited. They get an email with a link to sign in.",
  roles_saved: "Roles saved. They apply from the person's next page.",
  nothing: "Nothing needed to change.",
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await readSearchParams(searchParams);
  const context = await getAreaContext("users.manage", "/admin/settings/users");
  if (!context) {
    return (
      <NoAccess title="Users">
        <p>Users are managed by the organization&apos;s Global administrators.</p>
      </NoAccess>
    );
  }
  const members = await listMembers(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId });
  const notice = entryFor(NOTICES, query.done);
  return (
    <main className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">Users</h1>
        <p className="mt-1 text-gray-700">
          The people of {context.membership.organizationName} and their admin roles. A Partner relationship administrator accepts partners, answers
          their changes and removes their access, without being a Global administrator.
        </p>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      <Table>
        <TableCaption className="text-left text-sm text-gray-700">Members of {context.membership.organizationName}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Admin roles</TableHead>
            <TableHead>Member since</TableHead>
            <TableHead>Action</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.membershipId}>
              <TableCell className="font-medium text-gray-900">{m.name ?? "—"}</TableCell>
              <TableCell className="wrap-anywhere">{m.email}</TableCell>
              <TableCell>{m.roles.length > 0 ? m.roles.map(memberRoleName).join(", ") : "None"}</TableCell>
              <TableCell>{formatDate(m.since)}</TableCell>
              <TableCell>
                <Link className="font-medium text-accent-700 underline" href={`/admin/settings/users/${m.membershipId}`}>
                  Change roles<span className="sr-only"> of {m.name ?? m.email}</span>
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <section aria-labelledby="invite" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="invite" className="text-lg font-semibold text-gray-900">
          Invite a colleague
        </h2>
        <InviteMemberForm roles={MEMBER_ROLES.map(({ id, name, description }) => ({ id, name, description }))} />
      </section>
    </main>
  );
}
