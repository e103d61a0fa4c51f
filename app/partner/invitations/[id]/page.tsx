import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { PartnerCancelConsequences, PartnerCancelForm } from "@/components/invitations/partner-cancel";
import { ResendButton } from "@/components/invitations/resend-button";
import { InvitationStatusBadge } from "@/components/invitations/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog, ConfirmDialogNo } from "@/components/ui/confirm-dialog";
import { DialogFooter } from "@/components/ui/dialog";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate, formatDateTime } from "@/lib/format";
import { resendInvitationAction } from "@/lib/invitations/actions";
import { getPartnerInvitation } from "@/lib/invitations/queries";
import { durationLabel } from "@/lib/invitations/rules";
import { entryFor, readPathParams, readSearchParams, type SearchParams } from "@/lib/page-params";
import { describeChanges } from "@/lib/relationships/decision";
import { relationshipTypeInfo } from "@/lib/relationships/types";
import { roleName, sortByPrivilege } from "@/lib/roles";

export const metadata: Metadata = { title: "Invitation" };

const CANCELED = "The invitation is canceled; its link no longer works.";
const NOTICES: Record<string, string> = { resent: "The invitation was sent again, with the same link.", canceled: CANCELED, cancelled: CANCELED };
const ERRORS: Record<string, string> = {
  not_found: "That invitation was not found.",
  not_pending: "Only pending invitations can be resent or canceled.",
  rate_limited: "This invitation was already resent 3 times today. Try again tomorrow.",
  cooldown: "This invitation was sent less than a minute ago. Resend works again a minute after the last send.",
  forbidden: "You don't have permission to do this.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function PartnerInvitationPage({ params, searchParams }: Props) {
  const { id } = await readPathParams(params);
  const context = await getAreaContext("invitations.manage", `/partner/invitations/${id}`);
  if (!context) {
    return (
      <NoAccess title="Invitation">
        <p>Only agents of a partner organization can see its invitations.</p>
      </NoAccess>
    );
  }
  const invitation = await getPartnerInvitation(await getDb(), context.membership.organizationId, id);
  if (!invitation) notFound();
  const query = await readSearchParams(searchParams);
  const notice = entryFor(NOTICES, query.done);
  const problem = entryFor(ERRORS, query.error);
  const type = relationshipTypeInfo(invitation.type);
  // Resend is refused for a minute after each send: say until when instead of offering it.
  const resendWait = invitation.resendAvailableAt > new Date() ? invitation.resendAvailableAt : null;

  return (
    <main className="max-w-3xl">
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href="/partner/invitations">
          Invitations
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere text-gray-900">
          {type.name} invitation to {invitation.customerName ?? invitation.customerEmail}
        </h1>
        <InvitationStatusBadge status={invitation.status} />
      </div>
      {query.sent && <Alert tone="success" className="mt-4">Invitation sent to {invitation.customerEmail}. It stays pending until a Global or Billing administrator accepts it.</Alert>}
      {notice && <Alert tone="success" className="mt-4">{notice}</Alert>}
      {problem && <Alert tone="danger" className="mt-4">{problem}</Alert>}

      <dl className="mt-6 grid gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-5 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-gray-900">Sent to</dt>
        <dd className="text-gray-800">{invitation.customerEmail}</dd>
        <dt className="font-medium text-gray-900">Relationship type</dt>
        <dd className="text-gray-800">
          {type.name} — {type.description}
        </dd>
        <dt className="font-medium text-gray-900">Roles requested</dt>
        <dd className="text-gray-800">
          {invitation.roles.length === 0 ? (
            "None"
          ) : (
            <ul className="space-y-1">
              {sortByPrivilege(invitation.roles).map((role) => (
                <li key={role.id}>
                  {role.name} {role.privilege === "high" && <Badge tone="warning">Highly privileged</Badge>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {invitation.durationDays && (
          <>
            <dt className="font-medium text-gray-900">Duration</dt>
            <dd className="text-gray-800">
              {durationLabel(invitation.durationDays)} from acceptance;
              auto-extend {invitation.autoExtend ? "by 180 days" : "off"}
            </dd>
          </>
        )}
        {invitation.message && (
          <>
            <dt className="font-medium text-gray-900">Message</dt>
            <dd className="whitespace-pre-line text-gray-800">{invitation.message}</dd>
          </>
        )}
        <dt className="font-medium text-gray-900">Sent</dt>
        <dd className="text-gray-800">
          {formatDateTime(invitation.createdAt)}
          {invitation.sentBy ? ` by ${invitation.sentBy}` : ""}
          {invitation.sentCount > 1 ? ` · sent ${invitation.sentCount} times, last ${formatDateTime(invitation.lastSentAt)}` : ""}
        </dd>
        <dt className="font-medium text-gray-900">{invitation.status === "expired" ? "Expired" : "Expires"}</dt>
        <dd className="text-gray-800">{formatDateTime(invitation.expiresAt)}</dd>
        {invitation.respondedAt && (
          <>
            <dt className="font-medium text-gray-900">Answered</dt>
            <dd className="text-gray-800">
              {formatDateTime(invitation.respondedAt)}
              {invitation.declineReason ? ` — reason: ${invitation.declineReason}` : ""}
            </dd>
          </>
        )}
        {invitation.status === "accepted" && invitation.granted?.roles && (
          <>
            <dt className="font-medium text-gray-900">Granted</dt>
            <dd className="text-gray-800">
              {invitation.granted.changes ? <Badge tone="warning">Approved with changes</Badge> : <Badge tone="success">Approved as asked</Badge>}
              <span className="mt-1 block">
                {invitation.granted.roles.length > 0 ? sortByPrivilege(invitation.granted.roles).map((role) => role.name).join(", ") : "No admin roles"}
                {invitation.granted.endsAt ? `, until ${formatDate(invitation.granted.endsAt)}` : ""}
                {invitation.granted.endsAt ? `; auto-extend ${invitation.granted.autoExtend ? "by 180 days" : "off"}` : ""}
              </span>
              {invitation.granted.changes && (
                <ul className="mt-1 list-disc pl-5">
                  {describeChanges(invitation.granted.changes, roleName).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </dl>

      {invitation.status === "pending" && (
        <div className="mt-6 flex flex-wrap gap-3">
          <form action={resendInvitationAction}>
            <input type="hidden" name="invitationId" value={invitation.id} />
            <ResendButton availableAt={resendWait?.toISOString() ?? null} availableLabel={resendWait ? timeWithSeconds(resendWait) : null} />
          </form>
          <ConfirmDialog triggerLabel="Cancel invitation" confirmHref={`/partner/invitations/${invitation.id}/cancel`} title="Cancel this invitation?">
            <PartnerCancelConsequences customer={invitation.customerName ?? invitation.customerEmail} />
            <DialogFooter>
              <ConfirmDialogNo />
              <PartnerCancelForm invitationId={invitation.id} />
            </DialogFooter>
          </ConfirmDialog>
        </div>
      )}
    </main>
  );
}

/** A time to the second, in UTC like every time in the product ("3:05:12 PM UTC"). */
function timeWithSeconds(date: Date): string {
  return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit", timeZone: "UTC", timeZoneName: "short" });
}
