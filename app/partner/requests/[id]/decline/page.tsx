import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeclineRequestForm } from "@/components/contact-requests/decline-request-form";
import { NoAccess } from "@/components/layout/area-shell";
import { getDb } from "@/db/client";
import { declineRequestAction } from "@/lib/contact-requests/actions";
import { getPartnerRequest } from "@/lib/contact-requests/queries";
import { DECLINE_REASON_MAX } from "@/lib/contact-requests/schemas";
import { getAreaContext } from "@/lib/context";
import { readPathParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Decline request" };

/** Decline a customer request: asks for the reason first. */
export default async function DeclineRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  const context = await getAreaContext("contact_requests.update", `/partner/requests/${id}/decline`);
  if (!context) {
    return (
      <NoAccess title="Decline request">
        <p>Only admin and sales agents of a partner organization can decline its customer requests.</p>
      </NoAccess>
    );
  }
  const request = await getPartnerRequest(await getDb(), context.membership.organizationId, id);
  if (!request) notFound();
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-gray-900">Decline the request from {request.company}?</h1>
      <p className="text-gray-800">
        {request.name} ({request.email}) asked {context.membership.organizationName} to get in touch. Declining marks the request declined
        for everyone in your organization; you can mark it new again later. Nothing is sent to the customer.
      </p>
      {request.status === "declined" ? (
        <p className="text-gray-800">This request is already declined{request.declineReason ? `: ${request.declineReason}` : "."}</p>
      ) : (
        <DeclineRequestForm action={declineRequestAction} recipientId={request.recipientId} maxLength={DECLINE_REASON_MAX} cancelHref="/partner/requests" />
      )}
    </main>
  );
}
