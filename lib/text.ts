import { z } from "zod";

/**
 * Characters no free-text field may hold: control characters other than tab and newline
 * (Postgres text cannot even store NUL), the bidirectional embeddings, overrides and isolates
 * that make text display in an order other than it reads (a name that shows as "Contoso" but is
 * stored backwards, a reason that hides a link), and unpaired surrogates, which are not text.
 * Ordinary right-to-left writing needs none of them.
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE_TEXT.test(value);
}

/** The refinement every free-text field ends with, naming the field as the form does. */
export function safeText<T extends z.ZodType<string>>(schema: T, label: string) {
  return schema.refine((v) => !hasUnsafeCharacters(v), `Remove the unusual characters from ${label}.`);
}
