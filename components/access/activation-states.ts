/** An activation's state as both portals word it. */
export const ACTIVATION_STATES: Record<"pending" | "active" | "ended" | "denied" | "revoked", string> = {
  pending: "waiting for the customer's approval",
  active: "active",
  ended: "ended",
  denied: "denied",
  revoked: "revoked by the customer",
};
