import type { Metadata } from "next";
import Link from "next/link";
import { AgreementLink } from "@/components/agreements/agreement-link";
import { NoAccess } from "@/components/layout/area-shell";
import { AcknowledgeAndAcceptForm, CancelInvitationSection, type GrantChoices } from "@/components/invitations/answer-forms";
import { PartnerAvatar, locationsLabel } from "@/components/partners/partner-avatar";
import { SENDER_MAY_NOT_ASK } from "@/lib/invitations/acceptance";
import { PrivilegeBadge } from "@/components/relationships/privilege-badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/authz";
import { formatDate } from "@/lib/format";
import { durationLabel, endIfAcceptedNow, invitationAccess } from "@/lib/invitations/rules";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/invitations/actions";
import { invitationForReview } from "@/lib/invitations/review";
import { readPathParams } from "@/lib/page-params";
import { isoDay } from "@/lib/relationships/decision";
import { relationshipTypeInfo } from "@/lib/relationships/types";
import { addDays } from "@/lib/time";
import { roleNote, rolesNotNeeded, taskNames } from "@/lib/relationships/tasks";
import { roleNamesByPrivilege, sortByPrivilege } from "@/lib/roles";

// The token is in this page's address: a Referer header carries only the origin. (Not "no-referrer": a form
// posted from such a page says Origin: null, which the request guard refuses, so Accept & Authorize could not
// work without JavaScript.)
export const metadata: Metadata = { title: "Accept agreement & authorize partner", referrer: "strict-origin" };


function Ended({ title, children }: { title: string; children: React.ReactNode }) {
  return <NoAccess title={title}>{children}</NoAccess>;
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await readPathParams(params);
  const db = await getDb();
  const [actor, found] = await Promise.all([getActor(), invitationForReview(db, token)]);
  if (!found) {
    return (
      <Ended title="This invitation link doesn't work">
        <p>The link may be incomplete or mistyped. Open it again from the email, or ask the partner to resend the invitation.</p>
      </Ended>
    );
  }
  const { invitation, status } = found;
  const access = invitationAccess(actor, invitation, found.addressee);

  // Anyone but the addressee and the administrators of their organizations learns only that: no partner, no roles.
  if (access.kind === "not-for-you") {
    return (
      <Ended title="This invitation isn't for your organization">
        <p>
          It was sent to someone else. If you expected it, sign in with the address it was sent to, or ask the partner to send it to an
          administrator of your organization.
        </p>
      </Ended>
    );
  }
  if (status === "accepted") {
    return (
      <Ended title="This invitation was already accepted">
        <p>
          Already accepted on {found.acceptance ? formatDate(found.acceptance.acceptedAt) : "an earlier date"} by{" "}
          {found.acceptance?.acceptedBy ?? found.acceptance?.acceptedByEmail ?? "an administrator"}.
        </p>
        <p>
          <Link className="font-medium text-accent-700 underline" href="/admin/settings/partner-relationships">
            See {found.partnerName} in Partner relationships
          </Link>
        </p>
      </Ended>
    );
  }
  if (status === "cancelled" || status === "expired" || status === "declined") {
    const [title, body] = (
      {
      cancelled: ["This invitation was canceled", `${found.partnerName} canceled it. If you still want to work with them, ask them to send a new invitation.`],
      expired: ["This invitation has expired", `Invitations can be accepted for 90 days; this one expired on ${formatDate(invitation.expiresAt)}. Ask ${found.partnerName} to send a new one.`],
      declined: ["This invitation was canceled", `Your organization canceled it${invitation.respondedAt ? ` on ${formatDate(invitation.respondedAt)}` : ""}. Nothing was granted.`],
      } satisfies Record<typeof status, [string, string]>
    )[status];
    return (
      <Ended title={title}>
        <p>{body}</p>
      </Ended>
    );
  }
  if (!found.senderMayStillAsk) {
    return (
      <Ended title="This invitation can't be accepted">
        <p>{SENDER_MAY_NOT_ASK}</p>
      </Ended>
    );
  }

  if (access.kind === "needs-role") {
    return (
      <Ended title="Accept agreement & authorize partner">
        <p>
          You need to be a Global, Billing or Partner relationship administrator of {access.organizationName} to do this. Ask one of them to open the invitation
          email.
        </p>
      </Ended>
    );
  }

  const type = relationshipTypeInfo(invitation.type);
  const roles = sortByPrivilege(invitation.roles);
  const organizationName = access.organizationName;
  const agreement = access.kind === "allowed" ? await found.agreementOf(access.organizationId) : undefined;
  const accept = acceptInvitationAction.bind(null, token);
  const decline = declineInvitationAction.bind(null, token);
  const location = found.partnerLocations?.[0];
  const unneeded = rolesNotNeeded(invitation.roles, invitation.tasks);
  // GDAP is granted in part if the customer wants: the roles it keeps, an earlier end, auto-extend off.
  const requestedEnd = invitation.durationDays ? endIfAcceptedNow(invitation.durationDays) : null;
  const choices: GrantChoices | undefined = type.choosesRoles
    ? {
        partnerName: found.partnerName,
        roles: roles.map((role) => ({ id: role.id, name: role.name, description: role.description, highlyPrivileged: role.privilege === "high", note: roleNote(role.id, invitation.tasks) })),
        endsOn: requestedEnd ? { requested: isoDay(requestedEnd), earliest: isoDay(addDays(new Date(), 1)), requestedLabel: formatDate(requestedEnd) } : null,
        autoExtend: invitation.autoExtend,
      }
    : undefined;

  return (
    <main className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">Accept agreement & authorize partner</h1>
        <p className="mt-2 text-gray-700">
          {found.partnerName} asks to work with {organizationName}
          {access.kind === "creates-organization" ? " (a new organization, with you as its Global administrator)" : ""}. Review exactly what
          they ask for before you accept.
        </p>
      </div>

      <section aria-labelledby="partner" className="flex gap-4 rounded-lg border border-gray-200 bg-white p-5">
        <PartnerAvatar name={found.partnerName} />
        <div className="text-sm">
          <h2 id="partner" className="text-base font-semibold text-gray-900">
            {found.partnerName}
          </h2>
          {found.partnerDomain && <p className="text-gray-700">Verified domain: {found.partnerDomain}</p>}
          {location && found.partnerLocations && <p className="text-gray-700">{locationsLabel(found.partnerLocations)}</p>}
          {found.partnerSlug && (
            <p className="mt-1">
              <Link className="font-medium text-accent-700 underline" href={`/partners/${found.partnerSlug}`} target="_blank" rel="noopener noreferrer">
                Directory profile<span className="sr-only"> (opens in a new tab)</span>
              </Link>
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="request" className="space-y-4">
        <h2 id="request" className="text-lg font-semibold text-gray-900">
          What {found.partnerName} asks for
        </h2>
        <p className="text-gray-800">
          <span className="font-medium">{type.name}:</span> {type.description}
        </p>
        {invitation.tasks.length > 0 && (
          <div>
            <p className="font-medium text-gray-900">The work {found.partnerName} says it will do:</p>
            <ul className="mt-1 list-disc pl-5 text-gray-800">
              {taskNames(invitation.tasks).map((task) => (
                <li key={task}>{task}</li>
              ))}
            </ul>
            {unneeded.length > 0 && (
              <p className="mt-2 text-gray-800">
                <strong>{unneeded.length === 1 ? "One role is" : `${unneeded.length} roles are`} not needed for these tasks</strong> ({roleNamesByPrivilege(unneeded).join(", ")}): marked
                below. You can leave {unneeded.length === 1 ? "it" : "them"} unticked.
              </p>
            )}
          </div>
        )}
        {roles.length === 0 ? (
          <p className="text-gray-800">No admin roles: {found.partnerName} gets no administrative access to {organizationName}.</p>
        ) : choices ? (
          <p className="text-gray-800">
            {roles.length === 1 ? "One admin role" : `${roles.length} admin roles`}, listed under What you grant: you decide which of them {found.partnerName}{" "}
            gets.
          </p>
        ) : (
          <Table>
            <TableCaption className="text-left text-sm text-gray-700">
              Admin roles {found.partnerName} will hold in {organizationName}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Role</TableHead>
                <TableHead>What it allows</TableHead>
                <TableHead>Privilege</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {roles.map((role) => (
                <TableRow key={role.id}>
                  <TableCell className="font-medium text-gray-900">{role.name}</TableCell>
                  <TableCell>{role.description}</TableCell>
                  <TableCell>
                    <PrivilegeBadge level={role.privilege} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {invitation.durationDays ? (
          <p className="text-gray-800">
            For {durationLabel(invitation.durationDays)}: if you accept now as asked, access ends on{" "}
            <strong>{formatDate(endIfAcceptedNow(invitation.durationDays))}</strong>.{" "}
            {invitation.autoExtend ? "They ask for auto-extend: it then extends itself by 180 days at a time." : "Without auto-extend: access ends on that date."}
          </p>
        ) : (
          roles.length > 0 && <p className="text-gray-800">These roles have no end date; you can remove them at any time.</p>
        )}
        {invitation.message && (
          <blockquote className="rounded-md border-l-4 border-accent-600 bg-white p-4 text-gray-800">
            <p className="text-sm font-medium text-gray-900">Message from {found.partnerName}</p>
            <p className="mt-1 whitespace-pre-line">{invitation.message}</p>
          </blockquote>
        )}
      </section>

      <AcknowledgeAndAcceptForm action={accept} buttonLabel="Accept & Authorize" choices={choices}>
        <h2 id="agreement" className="text-lg font-semibold text-gray-900">
          Customer Agreement
        </h2>
        <p className="text-gray-800">
          Read the <AgreementLink title="Customer Agreement" />
          {agreement?.acceptance
            ? `. ${organizationName} accepted version ${agreement.agreement?.version} on ${formatDate(agreement.acceptance.acceptedAt)}; accepting again records nothing new.`
            : ". Accepting records your acceptance of it for your organization."}
        </p>
      </AcknowledgeAndAcceptForm>

      <CancelInvitationSection action={decline} partnerName={found.partnerName} grantsRoles={roles.length > 0} confirmHref={`/admin/invitations/${token}/cancel`} />
    </main>
  );
}
