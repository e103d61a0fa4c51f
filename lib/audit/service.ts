import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

interface AuditInput {
  actorUserId: string | null;
  actorLabel: string;
  organizationId: string | null;
  counterpartyOrganizationId?: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
  /** When it happened, if not now (an invitation's request, recorded on the customer's side when it is answered). */
  occurredAt?: Date;
}

/** Records what happened, in the caller's transaction: an event exists exactly when its change does. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: input.actorUserId,
    actorLabel: input.actorLabel,
    organizationId: input.organizationId,
    counterpartyOrganizationId: input.counterpartyOrganizationId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    details: input.details ?? {},
    ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
  });
}

/**
 * Records one event on both organizations' timelines, each naming the other as its counterparty
 * (the second is skipped while it is unknown, e.g. an invitation not yet tied to an organization).
 */
export async function recordAuditOnBothSides(
  db: DbOrTx,
  [first, second]: readonly [string, string | null],
  input: Omit<AuditInput, "organizationId" | "counterpartyOrganizationId">,
): Promise<void> {
  await recordAudit(db, { ...input, organizationId: first, counterpartyOrganizationId: second });
  if (second) await recordAudit(db, { ...input, organizationId: second, counterpartyOrganizationId: first });
}
