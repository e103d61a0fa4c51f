import type { InvitationStatus } from "@/db/schema";

/**
 * One vocabulary for an invitation's status, on both sides, in lists, badges, emails and activity
 * (US spelling): the customer's Cancel invitation and the partner's Cancel both cancel, and the
 * status says who did it.
 */
export const INVITATION_STATUS_NAMES: Record<InvitationStatus, string> = {
  pending: "Pending",
  accepted: "Accepted",
  declined: "Canceled by customer",
  cancelled: "Canceled by partner",
  expired: "Expired",
};

/** The same words inside a sentence ("This invitation is canceled by the customer"). */
export const INVITATION_STATUS_WORDS: Record<InvitationStatus, string> = {
  pending: "pending",
  accepted: "accepted",
  declined: "canceled by the customer",
  cancelled: "canceled by the partner",
  expired: "expired",
};
