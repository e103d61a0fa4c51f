import { Badge } from "@/components/ui/badge";
import type { InvitationStatus } from "@/db/schema";

const tones = { pending: "info", accepted: "success", declined: "warning", cancelled: "neutral", expired: "neutral" } as const;
const labels: Record<InvitationStatus, string> = { pending: "Pending", accepted: "Accepted", declined: "Declined", cancelled: "Cancelled", expired: "Expired" };

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}

export const INVITATION_STATUS_LABELS = labels;
