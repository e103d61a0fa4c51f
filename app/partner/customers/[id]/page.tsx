import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityEntries } from "@/components/activity/activity-log";
import { EndGdapConsequences, EndGdapForm } from "@/components/customers/end-gdap";
import { NoAccess } from "@/components/layout/area-shell";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog, ConfirmDialogNo } from "@/components/ui/confirm-dialog";
import { DialogFooter } from "@/components/ui/dialog";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { listActivity } from "@/lib/audit/queries";
import { hasPermission } from "@/lib/authz";
import { getAreaContext } from "@/lib/context";
import { formatDate, formatDateTime } from "@/lib/format";
import { countText } from "@/lib/paging";
import { getPartnerCustomer } from "@/lib/organizations/queries";
import { entryFor, readPathParams, readSearchParams, type SearchParams } from "@/lib/page-params";
import { isTypeInForce } from "@/lib/relationships/rules";
import { relationshipTypeName } from "@/lib/relationships/types";
import { getRole, rolesLeastPrivilegedFirst, sortByPrivilege } from "@/lib/roles";
import { AccessHistory } from "@/components/relationships/access-history";
import { ProposeChangeForm, RenewalForm } from "@/components/relationships/change-forms";
import { amendmentMaxEnd, historyRows, inRenewalWindow, renewalMaxEnd } from "@/lib/relationships/amendment";
import { changeHistory } from "@/lib/relationships/changes";
import { isoDay } from "@/lib/relationships/decision";
import { addDays } from "@/lib/time";
import { ActivateRoleForm, AssignAccessForm, RequestTokenForm } from "@/components/access/access-forms";
import { ACTIVATION_STATES } from "@/components/access/activation-states";
import { activatableRoles, activationsOf, activationState } from "@/lib/access/jit";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeAssignmentAction } from "@/lib/access/actions";
import { assignmentsOf, teamOf } from "@/lib/access/service";

export const metadata: Metadata = { title: "Customer" };

const NOTICES: Record<string, string> = {
  activated: "Activated. Get a token for it below.",
  activation_requested: "Activation requested. The customer's administrators were asked to approve it.",
  assigned: "Access assigned. Members of the group can get tokens for these roles.",
  unassigned: "The group's access here was removed.",
  applied: "Done: the roles you gave up and an earlier end apply now. The customer was told.",
  requested: "Change request sent. Nothing changes until the customer approves it.",
  applied_and_requested: "What gives up access applies now; the rest is a change request waiting for the customer's approval.",
  renewal_requested: "Renewal requested. The customer's Global administrators were told by email.",
  gdap_ended: "Your granular delegated admin access ended. The customer's Global administrators were told by email.",
  nothing: "Nothing needed to change: there was no granular delegated admin access in force.",
};
const ERRORS: Record<string, string> = {
  forbidden: "Only admin agents of your organization can end granular delegated admin access.",
  not_found: "That customer was not found.",
};

/** How many entries of this customer's history the page shows (the Activity page has them all). */
const HISTORY_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function PartnerCustomerPage({ params, searchParams }: Props) {
  const { id } = await readPathParams(params);
  const query = await readSearchParams(searchParams);
  const context = await getAreaContext("partner.view", `/partner/customers/${id}`);
  if (!context) {
    return (
      <NoAccess title="Customer">
        <p>Only agents of a partner organization can see its customers.</p>
      </NoAccess>
    );
  }
  const db = await getDb();
  const read = { actor: context.actor, organizationId: context.membership.organizationId };
  const customer = await getPartnerCustomer(db, read, id);
  if (!customer) notFound();
  const history = await listActivity(db, { ...read, side: "partner" }, { counterpartyOrganizationId: customer.customerId }, HISTORY_SIZE);

  const now = new Date();
  const notice = entryFor(NOTICES, query.done);
  const problem = entryFor(ERRORS, query.error);
  const liveTypes = customer.types.filter((t) => isTypeInForce(t, now));
  const gdap = liveTypes.find((t) => t.type === "gdap");
  const gdapRoles = sortByPrivilege(customer.grants.filter((g) => g.viaType === "gdap").map((g) => g.roleId)).map((r) => r.name);
  const otherTypes = liveTypes.filter((t) => t.type !== "gdap").map((t) => relationshipTypeName(t.type));
  const mayEndGdap = hasPermission(context.actor, "relationships.end_gdap", context.membership.organizationId);
  const mayAmend = hasPermission(context.actor, "relationships.amend", context.membership.organizationId);
  const mayAssign = hasPermission(context.actor, "access.assign", context.membership.organizationId);
  const mayRequestToken = hasPermission(context.actor, "tokens.request", context.membership.organizationId);
  const [assignments, team] = await Promise.all([assignmentsOf(db, customer.id, now), mayAssign ? teamOf(db, context.membership.organizationId) : undefined]);
  const grantedNow = sortByPrivilege([...new Set(customer.grants.map((g) => g.roleId))]);
  const [activatable, mine] = mayRequestToken
    ? await Promise.all([activatableRoles(db, context.actor.userId, customer.id, now), activationsOf(db, customer.id, context.actor.userId)])
    : [[], []];
  const needsApproval = customer.types.some((t) => t.type === "gdap" && t.activationApproval);
  const changes = await changeHistory(db, customer.id, now);
  const history_ = historyRows(changes);
  const gdapHeld = customer.grants.filter((g) => g.viaType === "gdap").map((g) => g.roleId);
  const amendable = gdap?.endsAt && gdapHeld.length > 0 ? { endsAt: gdap.endsAt, establishedAt: gdap.establishedAt } : null;
  const grants = [...customer.grants].sort((a, b) => (getRole(b.roleId).rank ?? 0) - (getRole(a.roleId).rank ?? 0) || a.viaType.localeCompare(b.viaType));

  return (
    <main className="space-y-8">
      <div>
        <p>
          <Link className="text-sm font-medium text-accent-700 underline" href="/partner/customers">
            Customers
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-gray-900">{customer.customerName}</h1>
        <p className="mt-1 text-gray-700">
          Customer since {formatDate(customer.since)} ·{" "}
          {customer.agreementAccepted ? "Customer Agreement accepted" : "Customer Agreement not accepted yet: you can't place purchases for this customer until it is"}
        </p>
      </div>

      {notice && <Alert tone="success">{notice}</Alert>}
      {problem && <Alert tone="danger">{problem}</Alert>}

      <section aria-labelledby="types">
        <h2 id="types" className="text-lg font-semibold text-gray-900">
          Relationship types
        </h2>
        {customer.types.length === 0 ? (
          <p className="mt-2 text-gray-700">No relationship type was ever established.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {customer.types.map((t) => {
              const inForce = isTypeInForce(t, now);
              return (
                <li key={t.id} className="rounded-md border border-gray-200 bg-white p-3 text-sm">
                  <span className="font-medium text-gray-900">{relationshipTypeName(t.type)}</span>{" "}
                  {inForce ? (
                    <Badge tone="success">In force</Badge>
                  ) : t.terminatedAt ? (
                    <Badge tone="neutral">Ended {formatDate(t.terminatedAt)}</Badge>
                  ) : (
                    <Badge tone="neutral">Expired {t.endsAt ? formatDate(t.endsAt) : ""}</Badge>
                  )}
                  <span className="block text-gray-700">
                    Established {formatDate(t.establishedAt)}
                    {inForce && t.endsAt ? ` · ends ${formatDate(t.endsAt)}${t.autoExtend ? " (auto-extends by 180 days)" : ""}` : ""}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="roles">
        <h2 id="roles" className="text-lg font-semibold text-gray-900">
          Admin roles in force
        </h2>
        {grants.length === 0 ? (
          <p className="mt-2 text-gray-700">You hold no admin roles in {customer.customerName}.</p>
        ) : (
          <Table>
            <TableCaption className="sr-only">Admin roles you hold in {customer.customerName}, with the type that grants each</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Role</TableHead>
                <TableHead>Granted by</TableHead>
                <TableHead>Granted</TableHead>
                <TableHead>Ends</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {grants.map((g) => (
                <TableRow key={g.id}>
                  <TableCell className="font-medium text-gray-900">
                    {getRole(g.roleId).name} {g.eligible && <Badge tone="info">Just-in-time</Badge>}
                  </TableCell>
                  <TableCell>{relationshipTypeName(g.viaType)}</TableCell>
                  <TableCell>{formatDate(g.grantedAt)}</TableCell>
                  <TableCell>{g.expiresAt ? `${formatDate(g.expiresAt)}${g.autoExtend ? " (auto-extends)" : ""}` : "No end date"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="assignments" className="space-y-4">
        <h2 id="assignments" className="text-lg font-semibold text-gray-900">
          Access assignments
        </h2>
        <p className="text-sm text-gray-700">Who of your people act in {customer.customerName}: a security group and the roles it holds here.</p>
        {assignments.length === 0 ? (
          <p className="text-sm text-gray-700">No group has access here yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {assignments.map((a) => (
              <li key={a.id} className="rounded-md border border-gray-200 bg-white p-3">
                <span className="font-medium text-gray-900">{a.groupName}</span>{" "}
                {a.status === "active" ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Error: a role is no longer granted</Badge>}
                <span className="block text-gray-800">Roles: {a.roles.map((r) => getRole(r).name).join(", ")}</span>
                <span className="block text-gray-700">Members: {a.members.map((m) => m.name ?? m.email).join(", ") || "none"}</span>
                {mayAssign && (
                  <form action={removeAssignmentAction} className="mt-2">
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <input type="hidden" name="relationshipId" value={customer.id} />
                    <SubmitButton variant="secondary" size="sm" pendingLabel="Removing…">
                      Remove<span className="sr-only"> the access of {a.groupName}</span>
                    </SubmitButton>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayAssign && team && grantedNow.length > 0 && (
          team.groups.length === 0 ? (
            <p className="text-sm text-gray-700">
              Create a security group on the <Link className="font-medium text-accent-700 underline" href="/partner/team">Team</Link> page first.
            </p>
          ) : (
            <div className="rounded-lg border border-gray-200 bg-white p-5">
              <AssignAccessForm relationshipId={customer.id} groups={team.groups.map((g) => ({ id: g.id, name: g.name }))} roles={grantedNow.map((r) => ({ id: r.id, name: r.name }))} />
            </div>
          )
        )}
      </section>

      {mayRequestToken && (activatable.length > 0 || mine.length > 0) && (
        <section aria-labelledby="jit" className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="jit" className="text-lg font-semibold text-gray-900">
            Just-in-time roles
          </h2>
          <p className="text-sm text-gray-700">
            {customer.customerName} made these roles eligible: you hold one only while it is activated, up to 8 hours.
            {needsApproval ? ` ${customer.customerName} approves each activation.` : ""}
          </p>
          {mine.length > 0 && (
            <ul className="space-y-1 text-sm">
              {mine.map(({ activation }) => (
                <li key={activation.id}>
                  {getRole(activation.roleId).name}: {ACTIVATION_STATES[activationState(activation, now)]}
                  {activationState(activation, now) === "active" && activation.endsAt ? ` until ${formatDateTime(activation.endsAt)}` : ""}
                </li>
              ))}
            </ul>
          )}
          {activatable.length > 0 && <ActivateRoleForm relationshipId={customer.id} roles={sortByPrivilege(activatable).map((r) => ({ id: r.id, name: r.name }))} needsApproval={needsApproval} />}
        </section>
      )}

      {mayRequestToken && grantedNow.length > 0 && (
        <section aria-labelledby="token" className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="token" className="text-lg font-semibold text-gray-900">
            Get an access token
          </h2>
          <p className="text-sm text-gray-700">
            A signed token for {customer.customerName}, valid 10 minutes, carrying the roles your groups hold here. Services check it against
            /.well-known/jwks.json or ask /api/oauth/introspect.
          </p>
          <RequestTokenForm relationshipId={customer.id} />
        </section>
      )}

      {amendable && (
        <section aria-labelledby="change" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="change" className="text-lg font-semibold text-gray-900">
            Change the access
          </h2>
          {changes.open && (
            <div className="rounded-md border border-accent-600 bg-accent-50 p-3 text-sm" id="open-request">
              <p className="font-medium text-gray-900">
                {changes.open.kind === "renewal" ? "Renewal" : "Change request"} waiting for {customer.customerName}&apos;s answer (expires {formatDate(changes.open.expiresAt)}):
              </p>
              <ul className="mt-1">
                {history_.requests[0]?.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {mayAmend ? (
            <>
              <p className="text-sm text-gray-700">
                Giving up a role or ending earlier applies at once. Adding a role or a later end is a change request: {customer.customerName} reviews
                it as a diff and decides.
              </p>
              <ProposeChangeForm
                relationshipId={customer.id}
                customerName={customer.customerName}
                roles={rolesLeastPrivilegedFirst().map((role) => ({ id: role.id, name: role.name, description: role.description, highlyPrivileged: role.privilege === "high" }))}
                held={gdapHeld}
                endsOn={{ value: isoDay(amendable.endsAt), min: isoDay(addDays(now, 1)), max: isoDay(amendmentMaxEnd({ ...amendable, roles: [], autoExtend: false })) }}
              />
              {inRenewalWindow(amendable, now) && !changes.open && (
                <section aria-labelledby="renewal-title" id="renewal" className="space-y-3 border-t border-gray-200 pt-4">
                  <h3 id="renewal-title" className="text-base font-semibold text-gray-900">
                    Request renewal
                  </h3>
                  <p className="text-sm text-gray-700">Your access ends on {formatDate(amendable.endsAt)}. Ask {customer.customerName} to keep it, with the same roles.</p>
                  <RenewalForm
                    relationshipId={customer.id}
                    endsOn={{ value: isoDay(addDays(amendable.endsAt, 365) < renewalMaxEnd(now) ? addDays(amendable.endsAt, 365) : renewalMaxEnd(now)), min: isoDay(addDays(amendable.endsAt, 1)), max: isoDay(renewalMaxEnd(now)) }}
                  />
                </section>
              )}
            </>
          ) : (
            <p className="text-sm text-gray-700">Only admin agents of your organization can change the access.</p>
          )}
        </section>
      )}

      {(history_.versions.length > 0 || history_.requests.length > 0) && (
        <section aria-labelledby="access-history">
          <h2 id="access-history" className="text-lg font-semibold text-gray-900">
            Access history
          </h2>
          <div className="mt-3">
            <AccessHistory versions={history_.versions} requests={history_.requests} caption={`Every version of your granular delegated access to ${customer.customerName}, newest first`} />
          </div>
        </section>
      )}

      {gdap && (
        <section aria-labelledby="end-gdap" className="rounded-md border border-gray-200 bg-white p-4 text-sm text-gray-800">
          <h2 id="end-gdap" className="font-semibold text-gray-900">
            End granular delegated admin access
          </h2>
          <p className="mt-1">
            Your GDAP access {gdap.endsAt ? `ends on ${formatDate(gdap.endsAt)}` : "is in force"}. End it now when you no longer need it: least
            privilege for both of you.
          </p>
          <div className="mt-3">
            {mayEndGdap ? (
              <ConfirmDialog triggerLabel="End GDAP" confirmHref={`/partner/customers/${customer.id}/end-gdap`} title="End GDAP?">
                <EndGdapConsequences customerName={customer.customerName} roles={gdapRoles} remainingTypes={otherTypes} />
                <DialogFooter>
                  <ConfirmDialogNo />
                  <EndGdapForm relationshipId={customer.id} />
                </DialogFooter>
              </ConfirmDialog>
            ) : (
              <p>Only admin agents of your organization can end it.</p>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="history">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="history" className="text-lg font-semibold text-gray-900">
            History
          </h2>
          <Link className="text-sm font-medium text-accent-700 underline" href="/partner/activity">
            All activity
          </Link>
        </div>
        <div className="mt-3">
          {history.entries.length === 0 ? (
            <p className="text-sm text-gray-700">Nothing recorded yet.</p>
          ) : (
            <ActivityEntries entries={history.entries} counterpartyLabel="Customer" label={`History with ${customer.customerName}, newest first`} />
          )}
          {history.total > history.entries.length && (
            <p className="mt-2 text-sm text-gray-700">
              The latest {history.entries.length} of {countText(history.total, history.capped)} entries.{" "}
              <Link className="font-medium text-accent-700 underline" href="/partner/activity">
                See the activity log
              </Link>
            </p>
          )}
        </div>
      </section>
    </main>
  );
}
