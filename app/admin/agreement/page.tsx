import type { Metadata } from "next";
import Link from "next/link";
import { AgreementLink } from "@/components/agreements/agreement-link";
import { NoAccess } from "@/components/layout/area-shell";
import { AcknowledgeAndAcceptForm } from "@/components/invitations/answer-forms";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { acceptAgreementAction } from "@/lib/agreements/actions";
import { currentAcceptance } from "@/lib/agreements/queries";
import { hasPermission } from "@/lib/authz";
import { getAreaContext } from "@/lib/context";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Accept agreement" };

export default async function AcceptAgreementPage() {
  const context = await getAreaContext("relationships.view", "/admin/agreement");
  if (!context) {
    return (
      <NoAccess title="Accept agreement">
        <p>The agreement's status is for Global administrators, Billing administrators and Global readers of a customer organization; Global and Billing administrators accept it.</p>
      </NoAccess>
    );
  }
  const { membership, actor } = context;
  const { agreement, acceptance } = await currentAcceptance(await getDb(), membership.organizationId);
  const mayAccept = hasPermission(actor, "agreement.accept", membership.organizationId);
  return (
    <main className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-gray-900">Accept agreement</h1>
        <p className="mt-2 text-gray-700">
          Partners can make purchases or manage subscriptions on behalf of {membership.organizationName} only after it accepts the current
          Customer Agreement.
        </p>
      </div>
      {!agreement ? (
        <Alert tone="info">No Customer Agreement is published yet.</Alert>
      ) : acceptance ? (
        <Alert tone="success">
          {membership.organizationName} accepted version {agreement.version} on {formatDate(acceptance.acceptedAt)} ({acceptance.acceptedBy ?? acceptance.acceptedByEmail}).{" "}
          <Link className="font-medium underline" href="/admin/settings/partner-relationships">
            See your partners
          </Link>
        </Alert>
      ) : (
        <section aria-labelledby="agreement" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="agreement" className="text-lg font-semibold text-gray-900">
            {agreement.title}, version {agreement.version}
          </h2>
          <p className="text-gray-800">
            Read the <AgreementLink title="Customer Agreement" />.
          </p>
          {mayAccept ? (
            <AcknowledgeAndAcceptForm action={acceptAgreementAction} buttonLabel="Accept" organizationId={membership.organizationId} />
          ) : (
            <p className="text-gray-800">You need to be a Global, Billing or Partner relationship administrator of {membership.organizationName} to do this.</p>
          )}
        </section>
      )}
    </main>
  );
}
