"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { setRequestStatusAction } from "@/lib/contact-requests/actions";

/**
 * A customer request as its card shows it, every value a string formatted on the server. The page
 * sends its cards as this data and the browser builds the same markup from it: 50 cards sent as
 * element trees would travel twice (HTML and hydration data), at 6 kB each.
 */
export interface RequestCardData {
  recipientId: string;
  company: string;
  name: string;
  email: string;
  phone: string | null;
  invited: boolean;
  status: "new" | "replied" | "declined";
  /** Label and value, with the machine-readable time when the value is one. */
  facts: { label: string; value: string; dateTime?: string; long?: boolean }[];
  needs: string;
}

const TONES: Record<RequestCardData["status"], BadgeTone> = { new: "info", replied: "success", declined: "neutral" };

function StatusButton({ recipientId, status, company, children }: { recipientId: string; status: "new" | "replied"; company: string; children: string }) {
  return (
    <form action={setRequestStatusAction}>
      <input type="hidden" name="recipientId" value={recipientId} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {children}
        <span className="sr-only"> ({company})</span>
      </button>
    </form>
  );
}

export function RequestCards({ cards, describedBy }: { cards: RequestCardData[]; describedBy: string }) {
  return (
    <ul className="space-y-4" aria-label="Requests" aria-describedby={describedBy}>
      {cards.map((r) => (
        <li key={r.recipientId}>
          <article aria-labelledby={`req-${r.recipientId}`} className="list-card">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h2 id={`req-${r.recipientId}`} className="text-base font-semibold text-gray-900">
                  {r.company}
                </h2>
                <p className="text-sm text-gray-700">
                  {`${r.name} · `}
                  <a className="text-accent-700 underline" href={`mailto:${r.email}`}>
                    {r.email}
                  </a>
                  {r.phone && ` · ${r.phone}`}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                {r.invited && <Badge tone="success">Invited</Badge>}
                <Badge tone={TONES[r.status]}>{`Status: ${r.status}`}</Badge>
              </div>
            </div>
            <dl className="result-facts mt-3">
              {r.facts.map((fact) => [
                <dt key={`${fact.label}-t`}>{fact.label}</dt>,
                <dd key={`${fact.label}-d`} className={fact.long ? "break-words whitespace-pre-line" : undefined}>
                  {fact.dateTime ? <time dateTime={fact.dateTime}>{fact.value}</time> : fact.value}
                </dd>,
              ])}
            </dl>
            <p className="mt-3 whitespace-pre-line text-gray-800">{r.needs}</p>
            <div className="list-actions">
              {r.status !== "replied" && (
                <StatusButton recipientId={r.recipientId} status="replied" company={r.company}>
                  Mark replied
                </StatusButton>
              )}
              {r.status !== "declined" && (
                <a className={buttonClasses({ variant: "secondary", size: "sm" })} href={`/partner/requests/${r.recipientId}/decline`}>
                  Decline<span className="sr-only">{` (${r.company})`}</span>
                </a>
              )}
              <a className={buttonClasses({ variant: "primary", size: "sm" })} href={`/partner/invitations/new?request=${r.recipientId}`}>
                {r.invited ? "Invite again" : "Invite this customer"}
                <span className="sr-only">{` (${r.company})`}</span>
              </a>
              {r.status !== "new" && (
                <StatusButton recipientId={r.recipientId} status="new" company={r.company}>
                  Mark new
                </StatusButton>
              )}
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
