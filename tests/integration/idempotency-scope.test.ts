import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contactRequests, invitations } from "@/db/schema";
import { seedDatabase } from "@/seed/demo";
import { createContactRequest } from "@/lib/contact-requests/service";
import { invitationSchema } from "@/lib/invitations/schemas";
import { createInvitation } from "@/lib/invitations/service";
import { actorFor } from "../support/actors";
import { resetDatabase } from "../support/db";
import { contactRequestInput } from "../support/fixtures";

let db: Db;

const invitation = (idempotencyKey: string, customerEmail = "admin@contoso.example") =>
  invitationSchema.parse({ customerEmail, type: "reseller", idempotencyKey });

describe("idempotency keys belong to whoever used them", () => {
  beforeEach(async () => {
    db = await resetDatabase();
    await seedDatabase(db, { partnerCount: 5 });
  });

  it("an invitation key matches only the same organization's same agent: anyone else's key neither finds their invitation nor stops a send", async () => {
    const key = randomUUID();
    const first = await createInvitation(db, await actorFor(db, "agent@fabrikam.example"), invitation(key));
    expect(first).toMatchObject({ ok: true, duplicate: false });
    // The same Send twice is one invitation.
    expect(await createInvitation(db, await actorFor(db, "agent@fabrikam.example"), invitation(key))).toEqual({ ...first, duplicate: true });

    // Another organization with the same key: its own invitation, not Fabrikam's id.
    const other = await createInvitation(db, await actorFor(db, "agent@adatum.example"), invitation(key));
    expect(other).toMatchObject({ ok: true, duplicate: false });
    expect(other.ok && first.ok && other.invitationId !== first.invitationId).toBe(true);
    // A colleague with the same key: a new invitation too (to another customer, so it isn't a pending duplicate).
    const colleague = await createInvitation(db, await actorFor(db, "sales@fabrikam.example"), invitation(key, "admin@northwind.example"));
    expect(colleague).toMatchObject({ ok: true, duplicate: false });
    expect(await db.$count(invitations)).toBe(3);
  });

  it("a contact request key matches only the same sender address", async () => {
    const key = randomUUID();
    const first = await createContactRequest(db, contactRequestInput({ idempotencyKey: key }), { clientKey: null });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(await createContactRequest(db, contactRequestInput({ idempotencyKey: key, email: "MEGAN@contoso.example" }), { clientKey: null })).toEqual({ ...first, duplicate: true });

    const stranger = await createContactRequest(db, contactRequestInput({ idempotencyKey: key, email: "someone@else.example" }), { clientKey: null });
    expect(stranger).toMatchObject({ ok: true, duplicate: false });
    expect(stranger.ok && first.ok && stranger.requestId !== first.requestId).toBe(true);
    expect(await db.$count(contactRequests)).toBe(2);
  });
});
