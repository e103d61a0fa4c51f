/**
 * "a" or "an" before a name, by how it is said: "an Advisor", "an MPSA partner" (em-P-S-A), "a
 * Reseller", "a Line-of-business (LOB) partner". Emails import nothing of the app, so the rule lives here.
 */
export function article(name: string): "a" | "an" {
  const word = name.trim();
  if (/^[aeiou]/i.test(word)) return /^(uni|use|usu|eu|one)/i.test(word) ? "a" : "an";
  // An initialism whose first letter is said with a vowel sound: F, H, L, M, N, R, S, X.
  if (/^[FHLMNRSX][A-Z]/.test(word)) return "an";
  return "a";
}

/** The name with its article: "an Advisor". */
export function withArticle(name: string): string {
  return `${article(name)} ${name}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Styles that let a long unbroken text (a link written out) wrap inside the card: clients that
 * know overflow-wrap use it, the others (Outlook, older Gmail apps) honour word-break.
 */
export const breakAnywhere = { wordBreak: "break-all", overflowWrap: "anywhere" } as const;
