import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTACT_FIELDS, contactRequestSchema } from "@/lib/contact-requests/schemas";
import { INVITATION_FIELDS, invitationSchema } from "@/lib/invitations/schemas";
import { tokenRequestSchema } from "@/lib/access/schemas";
import { hasUnsafeCharacters } from "@/lib/text";

const UNSAFE = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\ud800",
  "\udfff",
  "\u0085",
  "\u009b",
  "\u061c",
  "\u200b",
  "\u200e",
  "\u200f",
  "\u2060",
  "\u206a",
  "\ufeff",
  "\ufff9",
  "\u{e0001}",
  "\u{e0041}",
];

/** Every text field of every form, with a value the form accepts. */
const FORMS = [
  {
    name: "contact request",
    schema: contactRequestSchema,
    fields: CONTACT_FIELDS,
    valid: {
      name: "Megan Bowen",
      email: "megan@contoso.example",
      company: "Contoso",
      phone: "+1 425 555 0100",
      country: "US",
      size: "1000-9999",
      needs: "We are moving 1,200 mailboxes and want help securing identities.",
      partners: ["fabrikam-partners"],
      idempotencyKey: randomUUID(),
    } as Record<string, unknown>,
  },
  {
    name: "invitation",
    schema: invitationSchema,
    fields: INVITATION_FIELDS,
    valid: { customerEmail: "admin@contoso.example", type: "gdap", roles: ["helpdesk_admin"], durationDays: "90", message: "Hello from Fabrikam", idempotencyKey: randomUUID() } as Record<string, unknown>,
  },
  {
    // The Get a token form and POST /api/tokens share it.
    name: "token request",
    schema: tokenRequestSchema,
    fields: ["reason"] as const,
    valid: { relationshipId: randomUUID(), reason: "Ticket 4711: password reset" } as Record<string, unknown>,
  },
];

describe("free text", () => {
  it("refuses bidirectional overrides, isolates, control characters and lone surrogates, and keeps right-to-left writing", () => {
    for (const c of UNSAFE) expect(hasUnsafeCharacters(`Contoso${c}Ltd`), JSON.stringify(c)).toBe(true);
    for (const ok of ["Contoso", "مرحبا بالعالم", "שָׁלוֹם", "👩‍👩‍👧‍👦", "line one\nline two\ttabbed", "Zoë", "👩‍💻 \u200c ZWNJ", "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}".slice(0, 2)]) expect(hasUnsafeCharacters(ok), ok).toBe(false);
  });

  it.each(FORMS.map((f) => [f.name, f] as const))("every %s field refuses an unsafe character anywhere in it with a message for that field, or strips it", (_name, form) => {
    expect(form.schema.safeParse(form.valid).success).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...form.fields), fc.constantFrom(...UNSAFE), fc.nat(), (field, unsafe, at) => {
        const value = String(form.valid[field]);
        const position = at % (value.length + 1);
        const result = form.schema.safeParse({ ...form.valid, [field]: value.slice(0, position) + unsafe + value.slice(position) });
        // Refused with that field's message, or (trimmed at an edge, like a byte order mark) gone from what is kept.
        if (result.success) expect(hasUnsafeCharacters(String((result.data as Record<string, unknown>)[field])), `${field} kept ${JSON.stringify(unsafe)}`).toBe(false);
        else expect(result.error.issues.some((issue) => issue.path[0] === field)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
