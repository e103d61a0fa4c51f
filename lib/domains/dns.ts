import "server-only";
import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";

/** Looks up a name's TXT records, each as its character strings (as `dns.resolveTxt` returns them). */
export type TxtResolver = (hostname: string) => Promise<string[][]>;

export const DNS_TIMEOUT_MS = 5_000;

/** The record an organization publishes to prove it controls a domain. */
export function verificationRecord(domain: string, token: string): { type: "TXT"; name: string; value: string } {
  return { type: "TXT", name: `_partnerships.${domain}`, value: `partnerships-verification=${token}` };
}

export function newVerificationToken(): string {
  return randomBytes(32).toString("hex");
}

/** Codes of a lookup that reached DNS and found no such record: the answer is "not published". */
const NOT_PUBLISHED = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "ENONAME"]);

export class DnsUnavailableError extends Error {
  constructor(cause: unknown) {
    super("DNS could not be checked", { cause });
    this.name = "DnsUnavailableError";
  }
}

/**
 * The TXT records of a name, or none when it has none. A lookup that could not get an answer
 * (timeout, refused, server failure) throws DnsUnavailableError: that is not "not published".
 */
export async function lookupTxt(resolve: TxtResolver, hostname: string): Promise<string[][]> {
  try {
    return await resolve(hostname);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && NOT_PUBLISHED.has(code)) return [];
    throw new DnsUnavailableError(error);
  }
}

/** The system's resolvers, each query bounded so a Verify click never hangs on a silent server. */
export const systemTxtResolver: TxtResolver = async (hostname) => {
  const resolver = new Resolver({ timeout: DNS_TIMEOUT_MS, tries: 2 });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      resolver.cancel();
      reject(Object.assign(new Error(`DNS lookup of ${hostname} timed out`), { code: "ETIMEOUT" }));
    }, DNS_TIMEOUT_MS * 2);
  });
  try {
    return await Promise.race([resolver.resolveTxt(hostname), deadline]);
  } finally {
    clearTimeout(timer);
  }
};

/** Whether any TXT record (its strings joined, as long values are split) is exactly the expected value. */
export function hasRecord(records: string[][], value: string): boolean {
  return records.some((chunks) => chunks.join("").trim() === value);
}
