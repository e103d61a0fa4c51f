import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { PrivilegeBadge } from "@/components/relationships/privilege-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate, formatDateTime } from "@/lib/format";
import { entryFor, readPathParams, readSearchParams, type SearchParams } from "@/lib/page-params";
import { getRelationshipDetails } from "@/lib/relationships/queries";
import { ROLE_CARRYING_TYPES, relationshipTypeName } from "@/lib/relationships/types";
import { getRole, roleNamesByPrivilege, sortByPrivilege } from "@/lib/roles";
import { EndRelationshipConsequences, EndRelationshipForm } from "@/components/relationships/end-relationship";
import { ConfirmDialog, ConfirmDialogNo } from "@/components/ui/confirm-dialog";
import { DialogFooter } from "@/components/ui/dialog";
import { AccessHistory } from "@/components/relationships/access-history";
import { decideActivationAction, revokeActivationAction, setPersonBlockedAction } from "@/lib/access/actions";
import { activationsOf, activationState } from "@/lib/access/jit";
import { ACTIVATION_STATES } from "@/components/access/activation-states";
import { whoCanAct } from "@/lib/access/service";
import { ApproveChangeForm, DeclineChangeForm, ExtendForm } from "@/components/relationships/change-forms";
import { historyRows, inRenewalWindow, renewalMaxEnd } from "@/lib/relationships/amendment";
import { changeHistory } from "@/lib/relationships/changes";
import { isoDay } from "@/lib/relationships/decision";
import { addDays } from "@/lib/time";
import { RemoveRolesDialog } from "@/components/relationships/remove-roles-dialog";
import { Alert } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { SubmitButton } from "@/components/ui/submit-button";
import { hasPermission } from "@/lib/authz";
import { setMpsaSharingAction, turnOffAutoExtendAction } from "@/lib/relationships/actions";
import { isGrantActive, isTypeInForce, removalSummary } from "@/lib/relationships/rules";
import { describeEvent, eventActor } from "@/lib/audit/rules";

export const metadata: Metadata = { title: "Partner details" };

const END_REASONS: Record<string, string> = { removed: "removed", expired: "expired", terminated: "ended by the partner" };

/** A person by name, with their email address on hover and for assistive technology. */
function Person({ name, email }: { name: string | null; email: string | null }) {
  if (!name || !email || name === email) return <>{name ?? email}</>;
  return (
    <span title={email}>
      {name}
      <span className="sr-only"> ({email})</span>
    </span>
  );
}


const NOTICES: Record<string, string> = {
  roles_removed: "The partner's admin roles were removed. The relationship stays with its other types.",
  role_removed: "The role was removed.",
  relationship_ended: "The partner's admin roles were removed, and with them the relationship: no relationship type is left.",
  ended: "The relationship ended: every relationship type and admin role. The partner was told.",
  auto_extend_off: "Auto-extend is off: the access ends on its end date.",
  mpsa_on: "This partner may now see purchases made by your other MPSA partners.",
  mpsa_off: "This partner no longer sees purchases made by your other MPSA partners.",
  nothing: "Nothing needed to change.",
  change_approved: "You approved the change. The partner was told.",
  change_approved_with_changes: "You approved the change with changes. The partner was told what you granted and what you didn't.",
  change_declined: "You declined the change. The partner's access stays as it was.",
  extended: "Extended. The partner was told.",
  person_blocked: "Blocked: that person gets no token for your organization, and their tokens stop working now.",
  person_unblocked: "Unblocked.",
  activation_approved: "Approved: the role is active for the hours asked. The person was told.",
  activation_denied: "Denied. The person was told.",
  activation_revoked: "Revoked: no token carries the role from now on.",
};
const ERRORS: Record<string, string> = {
  forbidden: "You need to be a Global, Billing or Partner relationship administrator to change partner access.",
  not_found: "That partner relationship was not found.",
  not_mpsa: "This setting applies to MPSA partners only.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function PartnerRelationshipPage({ params, searchParams }: Props) {
  const { id } = await readPathParams(params);
  const query = await readSearchParams(searchParams);
  const notice = entryFor(NOTICES, query.done);
  const problem = entryFor(ERRORS, query.error);
  const context = await getAreaContext("relationships.view", `/admin/settings/partner-relationships/${id}`);
  if (!context) {
    return (
      <NoAccess title="Partner details">
        <p>Partner relationships are for Global administrators, Billing administrators and Global readers of a customer organization.</p>
      </NoAccess>
    );
  }
  const details = await getRelationshipDetails(await getDb(), { actor: context.actor, organizationId: context.membership.organizationId }, id);
  if (!details) notFound();
  const now = new Date();
  const active = details.grants.filter((g) => isGrantActive(g.grant, now));
  const past = details.grants.filter((g) => !active.includes(g));
  const profile = details.profile;
  const canManage = hasPermission(context.actor, "relationships.remove_roles", context.membership.organizationId);
  const liveTypes = details.types.filter(({ type }) => isTypeInForce(type, now));
  const gdap = liveTypes.find(({ type }) => type.type === "gdap")?.type;
  const isMpsa = liveTypes.some(({ type }) => type.type === "mpsa");
  const typeRows = details.types.map(({ type }) => type);
  const grantRows = details.grants.map(({ grant }) => grant);
  const removeAll = removalSummary(typeRows, grantRows, details.partnerName, undefined, now);
  const base = `/admin/settings/partner-relationships/${id}`;
  // The types Remove roles cannot end: they end only when the partner ends them.
  const othersStay = liveTypes.filter(({ type }) => !ROLE_CARRYING_TYPES.includes(type.type)).map(({ type }) => relationshipTypeName(type.type));
  const canEnd = hasPermission(context.actor, "relationships.end", context.membership.organizationId);
  const canBlock = hasPermission(context.actor, "access.block", context.membership.organizationId);
  const [actors, jit] = await Promise.all([whoCanAct(await getDb(), id, context.membership.organizationId, now), activationsOf(await getDb(), id)]);
  const canApproveActivations = hasPermission(context.actor, "access.approve_activations", context.membership.organizationId);
  const canDecide = hasPermission(context.actor, "relationships.approve_changes", context.membership.organizationId);
  const changes = await changeHistory(await getDb(), id, now);
  const history = historyRows(changes);
  const open = changes.open && gdap?.endsAt ? changes.open : undefined;
  const gdapHeld = active.filter((g) => g.grant.viaType === "gdap").map((g) => g.grant.roleId);
  const addable = open ? sortByPrivilege(open.addRoles.filter((role) => !gdapHeld.includes(role))) : [];
  const byRank = [...active].sort((a, b) => getRole(b.grant.roleId).rank - getRole(a.grant.roleId).rank || a.grant.viaType.localeCompare(b.grant.viaType));

  return (
    <main className="space-y-8">
      <div>
        <p>
          <Link className="text-sm font-medium text-accent-700 underline" href="/admin/settings/partner-relationships">
            Partner relationships
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-gray-900">{details.partnerName}</h1>
        {profile && <p className="mt-1 text-gray-700">{profile.headline}</p>}
        <p className="mt-2 text-sm text-gray-700">
          {details.partnerDomain && <>Verified domain {details.partnerDomain} · </>}
          {profile?.contactEmail && (
            <>
              <a className="text-accent-700 underline" href={`mailto:${profile.contactEmail}`}>
                {profile.contactEmail}
              </a>
              {profile.contactPhone && <> · {profile.contactPhone}</>}
            </>
          )}
        </p>
      </div>

      {notice && <Alert tone="success">{notice}</Alert>}
      {problem && <Alert tone="danger">{problem}</Alert>}

      <section aria-labelledby="types">
        <h2 id="types" className="text-lg font-semibold text-gray-900">
          Relationship types
        </h2>
        <ul className="mt-3 space-y-2">
          {details.types.map(({ type, establishedBy, establishedByEmail }) => (
            <li key={type.id} className="rounded-md border border-gray-200 bg-white p-3 text-sm">
              <span className="font-medium text-gray-900">{relationshipTypeName(type.type)}</span>
              {type.terminatedAt ? (
                <Badge tone="neutral"> Terminated</Badge>
              ) : !isTypeInForce(type, now) ? (
                <Badge tone="danger"> Expired</Badge>
              ) : null}
              <span className="block text-gray-700">
                Established {formatDateTime(type.establishedAt)}
                {establishedBy || establishedByEmail ? (
                  <>
                    {" by "}
                    <Person name={establishedBy} email={establishedByEmail} />
                  </>
                ) : null}
                {type.terminatedAt
                  ? ` · ended ${formatDate(type.terminatedAt)}`
                  : type.endsAt
                    ? type.endsAt <= now
                      ? ` · ended ${formatDate(type.endsAt)}`
                      : ` · ends ${formatDate(type.endsAt)}${type.autoExtend ? " (auto-extends by 180 days)" : ""}`
                    : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="roles">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="roles" className="text-lg font-semibold text-gray-900">
            Admin roles in force
          </h2>
          {canManage && active.length > 0 && (
            <RemoveRolesDialog relationshipId={id} partnerName={details.partnerName} summary={removeAll} confirmHref={`${base}/remove-roles`} />
          )}
        </div>
        {active.length === 0 ? (
          <p className="mt-2 text-gray-700">{details.partnerName} holds no admin roles in {context.membership.organizationName}.</p>
        ) : (
          <Table>
            <TableCaption className="sr-only">Admin roles {details.partnerName} holds</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Role</TableHead>
                <TableHead>Privilege</TableHead>
                <TableHead>Granted by</TableHead>
                <TableHead>Granted</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Auto-extend</TableHead>
                {canManage && <TableHead>Action</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {byRank.map(({ grant, grantedBy, grantedByEmail }) => {
                const role = getRole(grant.roleId);
                const target = { roleId: grant.roleId, viaType: grant.viaType };
                return (
                  <TableRow key={grant.id}>
                    <TableCell>
                      <span className="font-medium text-gray-900">{role.name}</span>
                      <span className="block text-xs text-gray-700">{role.description}</span>
                    </TableCell>
                    <TableCell>
                      <PrivilegeBadge level={role.privilege} /> {grant.eligible && <Badge tone="info">Just-in-time</Badge>}
                    </TableCell>
                    <TableCell>{relationshipTypeName(grant.viaType)}</TableCell>
                    <TableCell>
                      {formatDate(grant.grantedAt)}
                      {grantedBy || grantedByEmail ? (
                        <>
                          {" by "}
                          <Person name={grantedBy} email={grantedByEmail} />
                        </>
                      ) : null}
                    </TableCell>
                    <TableCell>{grant.expiresAt ? formatDate(grant.expiresAt) : "No end date"}</TableCell>
                    <TableCell>{grant.autoExtend ? "On" : "Off"}</TableCell>
                    {canManage && (
                      <TableCell>
                        <RemoveRolesDialog
                          relationshipId={id}
                          partnerName={details.partnerName}
                          summary={removalSummary(typeRows, grantRows, details.partnerName, target, now)}
                          confirmHref={`${base}/remove-roles?${new URLSearchParams({ role: grant.roleId, type: grant.viaType })}`}
                          title={`Remove ${role.name}?`}
                          triggerLabel={
                            <>
                              Remove<span className="sr-only"> {role.name} granted by {relationshipTypeName(grant.viaType)}</span>
                            </>
                          }
                          small
                          target={target}
                        />
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {past.length > 0 && (
          <>
            <h3 className="mt-6 text-base font-semibold text-gray-900">Past roles</h3>
            <ul className="mt-2 space-y-1 text-sm text-gray-700">
              {past.map(({ grant, endedBy, endedByEmail }) => (
                <li key={grant.id}>
                  {getRole(grant.roleId).name} ({relationshipTypeName(grant.viaType)}): granted {formatDate(grant.grantedAt)},{" "}
                  {grant.endedAt ? (
                    <>
                      {END_REASONS[grant.endReason ?? ""] ?? "ended"} {formatDate(grant.endedAt)}
                      {endedBy || endedByEmail ? (
                        <>
                          {" by "}
                          <Person name={endedBy} email={endedByEmail} />
                        </>
                      ) : null}
                    </>
                  ) : (
                    `expired ${formatDate(grant.expiresAt as Date)}`
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="who-can-act" className="space-y-3">
        <h2 id="who-can-act" className="text-lg font-semibold text-gray-900">
          Who can act
        </h2>
        {actors.groups.length === 0 ? (
          <p className="text-sm text-gray-700">No one at {details.partnerName} has been given your roles yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {actors.groups.map((group) => (
              <li key={group.id} className="rounded-md border border-gray-200 bg-white p-3">
                <p>
                  <span className="font-medium text-gray-900">{group.groupName}</span>: {group.liveRoles.map((r) => getRole(r).name).join(", ") || "no role in force"}
                  {group.until ? `, until ${formatDate(group.until)}` : ""}
                </p>
                <ul className="mt-2 space-y-1">
                  {group.members.map((m) => (
                    <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2">
                      <span className="wrap-anywhere">
                        <Person name={m.name} email={m.email} /> · {m.email} · {m.lastActivity ? `last token ${formatDateTime(m.lastActivity)}` : "no token yet"}{" "}
                        {m.blocked && <Badge tone="danger">Blocked</Badge>}
                        {m.deactivatedAt && <Badge tone="neutral">Deactivated by the partner</Badge>}
                      </span>
                      {canBlock && (
                        <form action={setPersonBlockedAction}>
                          <input type="hidden" name="relationshipId" value={id} />
                          <input type="hidden" name="userId" value={m.userId} />
                          <input type="hidden" name="blocked" value={m.blocked ? "0" : "1"} />
                          <SubmitButton variant={m.blocked ? "secondary" : "danger"} size="sm" pendingLabel="Saving…">
                            {m.blocked ? "Unblock" : "Block"}
                            <span className="sr-only"> {m.name ?? m.email}</span>
                          </SubmitButton>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      {jit.length > 0 && (
        <section aria-labelledby="activations-title" id="activations" className="space-y-3">
          <h2 id="activations-title" className="text-lg font-semibold text-gray-900">
            Just-in-time activations
          </h2>
          <ul className="space-y-2 text-sm">
            {jit.map(({ activation, name, email }) => {
              const state = activationState(activation, now);
              return (
                <li key={activation.id} className="rounded-md border border-gray-200 bg-white p-3">
                  <p className="text-gray-900">
                    <Person name={name} email={email} /> · {getRole(activation.roleId).name} for {activation.hours} {activation.hours === 1 ? "hour" : "hours"} ·{" "}
                    {ACTIVATION_STATES[state]}
                    {state === "active" && activation.endsAt ? ` until ${formatDateTime(activation.endsAt)}` : ""}
                  </p>
                  <p className="text-gray-700">Justification: {activation.justification}</p>
                  {canApproveActivations && (state === "pending" || state === "active") && (
                    <div className="mt-2 flex flex-wrap gap-2">
                      {state === "pending" && (
                        <form action={decideActivationAction}>
                          <input type="hidden" name="activationId" value={activation.id} />
                          <input type="hidden" name="relationshipId" value={id} />
                          <input type="hidden" name="approve" value="1" />
                          <SubmitButton size="sm" pendingLabel="Approving…">
                            Approve<span className="sr-only"> {getRole(activation.roleId).name} for {name ?? email}</span>
                          </SubmitButton>
                        </form>
                      )}
                      {state === "pending" && (
                        <form action={decideActivationAction}>
                          <input type="hidden" name="activationId" value={activation.id} />
                          <input type="hidden" name="relationshipId" value={id} />
                          <input type="hidden" name="approve" value="0" />
                          <SubmitButton size="sm" variant="secondary" pendingLabel="Denying…">
                            Deny<span className="sr-only"> {getRole(activation.roleId).name} for {name ?? email}</span>
                          </SubmitButton>
                        </form>
                      )}
                      {state === "active" && (
                        <form action={revokeActivationAction}>
                          <input type="hidden" name="activationId" value={activation.id} />
                          <input type="hidden" name="relationshipId" value={id} />
                          <SubmitButton size="sm" variant="danger" pendingLabel="Revoking…">
                            Revoke<span className="sr-only"> {getRole(activation.roleId).name} of {name ?? email}</span>
                          </SubmitButton>
                        </form>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {open && gdap?.endsAt && (
        <section aria-labelledby="change-request-title" id="change-request" className="space-y-4 rounded-lg border border-accent-600 bg-white p-5">
          <h2 id="change-request-title" className="text-lg font-semibold text-gray-900">
            {open.kind === "renewal" ? "Renewal requested" : "Change requested"}
          </h2>
          <p className="text-sm text-gray-800">
            {details.partnerName} asks to change its granular delegated access, requested {formatDateTime(open.createdAt)}. Nothing changes until you
            approve it; the request expires on {formatDate(open.expiresAt)}.
          </p>
          <ul className="space-y-1 text-sm text-gray-900">
            {addable.map((role) => (
              <li key={role.id}>
                + {role.name} {role.privilege === "high" && <Badge tone="warning">Highly privileged</Badge>}
              </li>
            ))}
            {open.endsAt && (
              <li>
                End date: {formatDate(gdap.endsAt)} → {formatDate(open.endsAt)}
              </li>
            )}
          </ul>
          {open.message && (
            <blockquote className="rounded-md border-l-4 border-accent-600 bg-gray-50 p-3 text-sm text-gray-800">
              <p className="font-medium text-gray-900">Message from {details.partnerName}</p>
              <p className="mt-1 whitespace-pre-line">{open.message}</p>
            </blockquote>
          )}
          {canDecide ? (
            <div className="grid gap-6 md:grid-cols-2">
              <ApproveChangeForm
                changeRequestId={open.id}
                addRoles={addable.map((role) => ({ id: role.id, name: role.name, description: role.description, highlyPrivileged: role.privilege === "high" }))}
                endsOn={open.endsAt && open.endsAt > gdap.endsAt ? { value: isoDay(open.endsAt), min: isoDay(gdap.endsAt), max: isoDay(open.endsAt) } : null}
              />
              <DeclineChangeForm changeRequestId={open.id} />
            </div>
          ) : (
            <p className="text-sm text-gray-700">A Global, Billing or Partner relationship administrator can approve or decline it.</p>
          )}
        </section>
      )}

      {gdap?.endsAt && canDecide && inRenewalWindow({ endsAt: gdap.endsAt }, now) && (
        <section aria-labelledby="extend-title" id="extend" className="space-y-3 rounded-md border border-gray-200 bg-white p-4 text-sm">
          <h2 id="extend-title" className="font-semibold text-gray-900">
            Extend
          </h2>
          <p className="text-gray-800">
            {details.partnerName}&apos;s granular delegated access ends on {formatDate(gdap.endsAt)}. Extend it with the same roles, for up to 2 years from
            today, or let it end.
          </p>
          <ExtendForm
            relationshipId={id}
            endsOn={{
              value: isoDay(open?.kind === "renewal" && open.endsAt ? open.endsAt : addDays(gdap.endsAt, 365) < renewalMaxEnd(now) ? addDays(gdap.endsAt, 365) : renewalMaxEnd(now)),
              min: isoDay(addDays(gdap.endsAt, 1)),
              max: isoDay(renewalMaxEnd(now)),
            }}
          />
        </section>
      )}

      {gdap?.autoExtend && (
        <section aria-labelledby="auto-extend" className="rounded-md border border-gray-200 bg-white p-4 text-sm">
          <h2 id="auto-extend" className="font-semibold text-gray-900">
            Auto-extend
          </h2>
          <p className="mt-1 text-gray-800">
            This granular delegated access extends itself by 180 days on {gdap.endsAt ? formatDate(gdap.endsAt) : "its end date"}.
          </p>
          {canManage && (
            <form action={turnOffAutoExtendAction} className="mt-3">
              <input type="hidden" name="relationshipId" value={id} />
              <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
                Turn off auto-extend
              </SubmitButton>
            </form>
          )}
        </section>
      )}

      {isMpsa && (
        <section aria-labelledby="mpsa" className="rounded-md border border-gray-200 bg-white p-4 text-sm">
          <h2 id="mpsa" className="font-semibold text-gray-900">
            MPSA purchases
          </h2>
          {canManage ? (
            <form action={setMpsaSharingAction} className="mt-2 space-y-3">
              <input type="hidden" name="relationshipId" value={id} />
              <Checkbox name="allowed" defaultChecked={details.relationship.mpsaShareAllowed}>
                <span className="text-gray-900">Allow this partner to see purchases made by my other MPSA partners</span>
              </Checkbox>
              <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
                Save
              </SubmitButton>
            </form>
          ) : (
            <p className="mt-1 text-gray-800">
              {details.relationship.mpsaShareAllowed ? "This partner may see purchases made by your other MPSA partners." : "This partner sees only its own purchases."}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="agreement">
        <h2 id="agreement" className="text-lg font-semibold text-gray-900">
          Customer Agreement
        </h2>
        <p className="mt-2 text-gray-700">
          {details.agreement.acceptance
            ? `Version ${details.agreement.agreement?.version} accepted ${formatDateTime(details.agreement.acceptance.acceptedAt)} by ${details.agreement.acceptance.acceptedBy ?? details.agreement.acceptance.acceptedByEmail}.`
            : "Not accepted yet: partners can't place purchases for you until it is."}
        </p>
      </section>

      {(history.versions.length > 0 || history.requests.length > 0) && (
        <section aria-labelledby="access-history">
          <h2 id="access-history" className="text-lg font-semibold text-gray-900">
            Access history
          </h2>
          <div className="mt-3">
            <AccessHistory versions={history.versions} requests={history.requests} caption={`Every version of ${details.partnerName}'s granular delegated access, newest first`} />
          </div>
        </section>
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="text-lg font-semibold text-gray-900">
          Activity
        </h2>
        <ol className="mt-3 space-y-2 text-sm">
          {details.timeline.map((event) => {
            const actor = eventActor(event);
            return (
              <li key={event.id} className="rounded-md border border-gray-200 bg-white p-3">
                <time className="text-gray-600" dateTime={event.occurredAt.toISOString()}>
                  {formatDateTime(event.occurredAt)}
                </time>
                <span className="block text-gray-900">
                  {describeEvent(event)} — <Person name={actor.name} email={actor.email} />
                </span>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="end" className="space-y-3 rounded-md border border-gray-200 bg-white p-4 text-sm text-gray-800">
        <h2 id="end" className="font-semibold text-gray-900">
          Ending the relationship
        </h2>
        {liveTypes.length === 0 ? (
          <p>This relationship has ended: no relationship type is in force.</p>
        ) : (
          <>
            <p>
              End relationship ends everything {details.partnerName} has with {context.membership.organizationName} at once:{" "}
              {liveTypes.map(({ type }) => relationshipTypeName(type.type)).join(", ")}
              {active.length > 0 ? ", and every admin role" : ""}. {othersStay.length > 0 ? "Remove roles, above, ends only the admin roles." : ""}
            </p>
            {canEnd ? (
              <ConfirmDialog triggerLabel="End relationship" confirmHref={`${base}/end`} title="End relationship?">
                <EndRelationshipConsequences partnerName={details.partnerName} types={liveTypes.map(({ type }) => relationshipTypeName(type.type))} roles={roleNamesByPrivilege(active.map((g) => g.grant.roleId))} />
                <DialogFooter>
                  <ConfirmDialogNo />
                  <EndRelationshipForm relationshipId={id} />
                </DialogFooter>
              </ConfirmDialog>
            ) : (
              <p>A Global administrator can end it.</p>
            )}
          </>
        )}
      </section>
    </main>
  );
}
