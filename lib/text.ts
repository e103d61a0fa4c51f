import { z } from "zod";

/**
 * Characters no free-text field may hold:
 * - control characters other than tab and newline, C0 and C1 (Postgres text cannot even store NUL);
 * - every bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they make
 *   text display in an order other than it reads, so a name shows as "Contoso" but is stored
 *   backwards, or a message hides where a link goes. Ordinary right-to-left writing needs none;
 * - invisible characters that only disguise text: zero-width space, word joiner and invisible
 *   operators (U+200B, U+2060–U+2064), deprecated format characters (U+206A–U+206F), the byte order
 *   mark (U+FEFF), interlinear annotations (U+FFF9–U+FFFB) and tag characters (U+E0000–U+E007F).
 *   Zero-width joiners (U+200C, U+200D) stay: emoji and several scripts need them;
 * - unpaired surrogates, which are not text.
 */
const UNSAFE_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE_TEXT.test(value);
}

/** The refinement every free-text field ends with, naming the field as the form does. */
export function safeText<T extends z.ZodType<string>>(schema: T, label: string) {
  return schema.refine((v) => !hasUnsafeCharacters(v), `Remove the unusual characters from ${label}.`);
}

/**
 * An email address as a person types it: trimmed, lower-cased, at most 254 characters (the most an
 * address may have), and in a form mail can be sent to. `missing` asks for it, `example` shows one.
 */
export function emailAddress({ missing, example }: { missing: string; example: string }) {
  return z.string({ error: missing }).trim().toLowerCase().min(1, missing).max(254, "That email address is too long.").pipe(z.email(example));
}
