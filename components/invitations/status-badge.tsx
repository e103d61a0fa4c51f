import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InvitationStatus } from "@/db/schema";
import { INVITATION_STATUS_NAMES } from "@/lib/invitations/status";

const tones = { pending: "info", accepted: "success", declined: "warning", cancelled: "neutral", expired: "neutral" } as const;

/** An invitation's status in the one vocabulary both sides use ("Canceled by customer", "Canceled by partner"). */
export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return <Badge tone={tones[status]}>{INVITATION_STATUS_NAMES[status]}</Badge>;
}

/** The same badge as a list cell's data (components/lists/data-rows.tsx). */
export function invitationStatusBadge(status: InvitationStatus): { tone: BadgeTone; text: string } {
  return { tone: tones[status], text: INVITATION_STATUS_NAMES[status] };
}

export const INVITATION_STATUS_LABELS = INVITATION_STATUS_NAMES;
