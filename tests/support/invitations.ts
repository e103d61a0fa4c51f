import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { invitationSchema } from "@/lib/invitations/schemas";
import { createInvitation, invitationLink } from "@/lib/invitations/service";
import { actorFor } from "./actors";

/** Sends an invitation as a seeded partner agent and returns it with its emailed token. */
export async function sendTestInvitation(db: Db, fields: Record<string, unknown> = {}, from = "agent@fabrikam.example") {
  const input = invitationSchema.parse({
    customerEmail: "admin@contoso.example",
    type: "gdap",
    roles: ["helpdesk_admin", "license_admin"],
    durationDays: 180,
    idempotencyKey: randomUUID(),
    ...fields,
  });
  const result = await createInvitation(db, await actorFor(db, from), input);
  if (!result.ok) throw new Error(`invitation refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  const [invitation] = await db.select().from(invitations).where(eq(invitations.id, result.invitationId));
  return { invitation: invitation!, token: invitationLink(invitation!).split("/").pop()! };
}
