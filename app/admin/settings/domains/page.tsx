import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/layout/area-shell";
import { AddDomainForm, DomainButtonForm } from "@/components/domains/domain-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { signInPath } from "@/lib/auth/paths";
import { getActor, hasPermission, primaryMembership } from "@/lib/authz";
import { addDomainAction, removeDomainAction, verifyDomainAction } from "@/lib/domains/actions";
import { listOrganizationDomains, type OrganizationDomainRow } from "@/lib/domains/queries";
import { formatDate } from "@/lib/format";
import { readSearchParams, type SearchParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Domains" };

const PATH = "/admin/settings/domains";

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function Notice({ params, domains, organizationName }: { params: SearchParams; domains: OrganizationDomainRow[]; organizationName: string }) {
  const added = domains.find((d) => d.id === one(params.added));
  const verified = domains.find((d) => d.id === one(params.verified));
  if (verified) {
    return (
      <Alert tone="success" title={`${verified.domain} is verified`}>
        Invitations to addresses at {verified.domain} now reach the Global and Billing administrators of {organizationName}.
      </Alert>
    );
  }
  if (added) {
    return (
      <Alert tone="success" title={`${added.domain} is on the list`}>
        {added.verifiedAt ? "It is already verified." : "Publish its TXT record with your DNS provider, then select Verify."}
      </Alert>
    );
  }
  if (one(params.removed) === "1") return <Alert tone="success">The domain was removed.</Alert>;
  return null;
}

function DnsRecord({ domain }: { domain: OrganizationDomainRow }) {
  const { record } = domain;
  return (
    <div className="space-y-2">
      <p className="text-sm text-gray-800">Add this record at your DNS provider, then select Verify. It can take up to an hour to be seen.</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-gray-50 p-3 text-sm">
        <dt className="font-medium text-gray-900">Type</dt>
        <dd>
          <code>{record.type}</code>
        </dd>
        <dt className="font-medium text-gray-900">Name</dt>
        <dd className="break-all">
          <code>{record.name}</code>
        </dd>
        <dt className="font-medium text-gray-900">Value</dt>
        <dd className="break-all">
          <code>{record.value}</code>
        </dd>
      </dl>
    </div>
  );
}

export default async function DomainsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await getActor();
  if (!actor) redirect(signInPath(PATH));
  const membership = primaryMembership(actor, "customer");
  if (!membership || !hasPermission(actor, "domains.manage", membership.organizationId)) {
    return (
      <NoAccess title="Domains">
        <p>
          {membership
            ? `Only Global administrators of ${membership.organizationName} manage its domains. Ask one of them.`
            : "Domains are managed by the Global administrators of a customer organization."}
        </p>
      </NoAccess>
    );
  }
  const organizationId = membership.organizationId;
  const [domains, params] = await Promise.all([listOrganizationDomains(await getDb(), organizationId), readSearchParams(searchParams)]);

  return (
    <main className="max-w-3xl space-y-8">
      <div>
        <p className="text-sm text-gray-600">Settings</p>
        <h1 className="text-2xl font-semibold text-gray-900">Domains</h1>
        <p className="mt-2 text-gray-700">
          An invitation to an address at a verified domain can be answered by the Global and Billing administrators of {membership.organizationName}.
          Until a domain is verified, an invitation to one of its addresses reaches only the person it was sent to.
        </p>
      </div>
      <Notice params={params} domains={domains} organizationName={membership.organizationName} />

      <section aria-labelledby="listed" className="space-y-4">
        <h2 id="listed" className="text-lg font-semibold text-gray-900">
          Your domains
        </h2>
        {domains.length === 0 ? (
          <EmptyState title="No domains yet" as="p">
            Add the domain of your organization's email addresses, then verify it.
          </EmptyState>
        ) : (
          <ul className="space-y-4">
            {domains.map((domain) => (
              <li key={domain.id}>
                <section aria-labelledby={`domain-${domain.id}`} className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
                  <div className="flex flex-wrap items-center gap-3">
                    <h3 id={`domain-${domain.id}`} className="text-base font-semibold break-all text-gray-900">
                      {domain.domain}
                    </h3>
                    {domain.verifiedAt ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>}
                  </div>
                  {domain.verifiedAt ? (
                    <p className="text-sm text-gray-700">Verified on {formatDate(domain.verifiedAt)}.</p>
                  ) : (
                    <>
                      <DnsRecord domain={domain} />
                      <div className="flex flex-wrap items-start gap-3">
                        <DomainButtonForm
                          action={verifyDomainAction}
                          organizationId={organizationId}
                          domainId={domain.id}
                          domain={domain.domain}
                          label="Verify"
                          pendingLabel="Checking DNS…"
                        />
                        <DomainButtonForm
                          action={removeDomainAction}
                          organizationId={organizationId}
                          domainId={domain.id}
                          domain={domain.domain}
                          label="Remove"
                          pendingLabel="Removing…"
                          variant="secondary"
                        />
                      </div>
                    </>
                  )}
                </section>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="add" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="add" className="text-lg font-semibold text-gray-900">
          Add a domain
        </h2>
        <AddDomainForm action={addDomainAction} organizationId={organizationId} />
      </section>
    </main>
  );
}
