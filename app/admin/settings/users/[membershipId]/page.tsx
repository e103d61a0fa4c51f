import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { MemberRolesForm } from "@/components/users/user-forms";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { readPathParams } from "@/lib/page-params";
import { MEMBER_ROLES } from "@/lib/roles";
import { listMembers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Change roles" };

export default async function MemberPage({ params }: { params: Promise<{ membershipId: string }> }) {
  const { membershipId } = await readPathParams(params);
  const context = await getAreaContext("users.manage", `/admin/settings/users/${membershipId}`);
  if (!context) {
    return (
      <NoAccess title="Change roles">
        <p>Users are managed by the organization&apos;s Global administrators.</p>
      </NoAccess>
    );
  }
  const member = (await listMembers(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId })).find((m) => m.membershipId === membershipId);
  if (!member) notFound();
  return (
    <main className="max-w-3xl space-y-6">
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href="/admin/settings/users">
          Users
        </Link>
      </p>
      <h1 className="text-2xl font-semibold wrap-anywhere text-gray-900">Change roles of {member.name ?? member.email}</h1>
      <p className="text-gray-700">{member.email}. The organization always keeps at least one Global administrator.</p>
      <MemberRolesForm membershipId={member.membershipId} roles={MEMBER_ROLES.map(({ id, name, description }) => ({ id, name, description }))} held={member.roles} />
    </main>
  );
}
