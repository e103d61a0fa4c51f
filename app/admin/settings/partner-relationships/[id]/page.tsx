import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAreaContext } from "@/lib/context";
import { formatDate, formatDateTime } from "@/lib/format";
import { getRelationshipDetails } from "@/lib/relationships/details";
import { relationshipTypeName } from "@/lib/relationships/types";
import { getRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Partner details" };

const PRIVILEGE = { high: ["Highly privileged", "warning"], standard: ["Standard", "neutral"], read: ["Read only", "success"] } as const;

export default async function PartnerRelationshipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await getAreaContext("customer", `/admin/settings/partner-relationships/${id}`);
  if (!context) {
    return (
      <NoAccess title="Partner details">
        <p>Only members of a customer organization can see its partner relationships.</p>
      </NoAccess>
    );
  }
  const details = await getRelationshipDetails(await getDb(), context.membership.organizationId, id);
  if (!details) notFound();
  const now = new Date();
  const active = details.grants.filter((g) => !g.grant.endedAt && (!g.grant.expiresAt || g.grant.expiresAt > now));
  const past = details.grants.filter((g) => !active.includes(g));
  const profile = details.profile;

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

      <section aria-labelledby="types">
        <h2 id="types" className="text-lg font-semibold text-gray-900">
          Relationship types
        </h2>
        <ul className="mt-3 space-y-2">
          {details.types.map(({ type, establishedBy, establishedByEmail }) => (
            <li key={type.id} className="rounded-md border border-gray-200 bg-white p-3 text-sm">
              <span className="font-medium text-gray-900">{relationshipTypeName(type.type)}</span>
              {type.terminatedAt && <Badge tone="neutral"> Terminated {formatDate(type.terminatedAt)}</Badge>}
              <span className="block text-gray-700">
                Established {formatDateTime(type.establishedAt)}
                {establishedBy || establishedByEmail ? ` by ${establishedBy ?? establishedByEmail}` : ""}
                {type.endsAt ? ` · ends ${formatDate(type.endsAt)}${type.autoExtend ? " (auto-extends by 180 days)" : ""}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="roles">
        <h2 id="roles" className="text-lg font-semibold text-gray-900">
          Admin roles in force
        </h2>
        {active.length === 0 ? (
          <p className="mt-2 text-gray-700">{details.partnerName} holds no admin roles in {context.membership.organizationName}.</p>
        ) : (
          <Table>
            <TableCaption className="sr-only">Admin roles {details.partnerName} holds</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Role</TableHead>
                <TableHead>Privilege</TableHead>
                <TableHead>Granted</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Auto-extend</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {active.map(({ grant, grantedBy, grantedByEmail }) => {
                const role = getRole(grant.roleId);
                return (
                  <TableRow key={grant.id}>
                    <TableCell>
                      <span className="font-medium text-gray-900">{role.name}</span>
                      <span className="block text-xs text-gray-700">{role.description}</span>
                    </TableCell>
                    <TableCell>
                      <Badge tone={PRIVILEGE[role.privilege][1]}>{PRIVILEGE[role.privilege][0]}</Badge>
                    </TableCell>
                    <TableCell>
                      {formatDate(grant.grantedAt)}
                      {grantedBy || grantedByEmail ? ` by ${grantedBy ?? grantedByEmail}` : ""}
                    </TableCell>
                    <TableCell>{grant.expiresAt ? formatDate(grant.expiresAt) : "No end date"}</TableCell>
                    <TableCell>{grant.autoExtend ? "On" : "Off"}</TableCell>
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
                  {getRole(grant.roleId).name}: granted {formatDate(grant.grantedAt)},{" "}
                  {grant.endedAt
                    ? `${grant.endReason ?? "ended"} ${formatDate(grant.endedAt)}${endedBy || endedByEmail ? ` by ${endedBy ?? endedByEmail}` : ""}`
                    : `expired ${formatDate(grant.expiresAt as Date)}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

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

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="text-lg font-semibold text-gray-900">
          Activity
        </h2>
        <ol className="mt-3 space-y-2 text-sm">
          {details.timeline.map((event) => (
            <li key={event.id} className="rounded-md border border-gray-200 bg-white p-3">
              <time className="text-gray-600" dateTime={event.occurredAt.toISOString()}>
                {formatDateTime(event.occurredAt)}
              </time>
              <span className="block text-gray-900">
                {event.action} — {event.actorLabel}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="end" className="rounded-md border border-gray-200 bg-white p-4 text-sm text-gray-800">
        <h2 id="end" className="font-semibold text-gray-900">
          Ending the relationship
        </h2>
        <p className="mt-1">
          To end the relationship, contact {details.partnerName}
          {profile?.contactEmail ? ` at ${profile.contactEmail}` : ""}
          {profile?.contactPhone ? ` or ${profile.contactPhone}` : ""}.
        </p>
      </section>
    </main>
  );
}
