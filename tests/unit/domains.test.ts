import { describe, expect, it } from "vitest";
import { DnsUnavailableError, hasRecord, lookupTxt, verificationRecord } from "@/lib/domains/dns";
import { domainNameSchema } from "@/lib/domains/schemas";
import { emailDomain } from "@/lib/invitations/rules";

describe("domain names", () => {
  it.each([
    ["Contoso.COM", "contoso.com"],
    ["  eu.contoso.com.  ", "eu.contoso.com"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    [`${"a".repeat(63)}.example`, `${"a".repeat(63)}.example`],
  ])("takes %j as %j", (typed, stored) => {
    expect(domainNameSchema.parse(typed)).toBe(stored);
  });

  it.each([
    ["", /Enter a domain/],
    ["admin@contoso.com", /without a name and @/],
    ["https://contoso.com", /without https/],
    ["contoso", /whole domain/],
    ["contoso..com", /two dots/],
    ["-contoso.com", /hyphen/],
    [`${"a".repeat(64)}.com`, /63 characters/],
    [`${"a.".repeat(130)}com`, /253 characters/],
    ["192.168.0.1", /IP address/],
    ["contoso.com\u202e", /letters, digits/],
    ["cont\u0000oso.com", /letters, digits/],
  ])("refuses %j with a message that says what to fix", (typed, message) => {
    const result = domainNameSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(message)]);
  });
});

describe("the verification record", () => {
  it("lives under the domain and carries the organization's token", () => {
    expect(verificationRecord("contoso.com", "abc")).toEqual({ type: "TXT", name: "_partnerships.contoso.com", value: "partnerships-verification=abc" });
  });

  it("matches a value DNS returns in pieces, and nothing else", () => {
    const value = "partnerships-verification=abc";
    expect(hasRecord([["v=spf1 -all"], ["partnerships-", "verification=abc"]], value)).toBe(true);
    expect(hasRecord([["partnerships-verification=abcd"]], value)).toBe(false);
    expect(hasRecord([], value)).toBe(false);
  });

  it("reads a name without records as none, and a failed lookup as a failure", async () => {
    const failing = (code: string) => async () => {
      throw Object.assign(new Error(code), { code });
    };
    expect(await lookupTxt(failing("ENOTFOUND"), "x")).toEqual([]);
    expect(await lookupTxt(failing("ENODATA"), "x")).toEqual([]);
    await expect(lookupTxt(failing("ETIMEOUT"), "x")).rejects.toThrow(DnsUnavailableError);
    await expect(lookupTxt(failing("ESERVFAIL"), "x")).rejects.toThrow(DnsUnavailableError);
  });

  it("compares an address's domain without regard to case", () => {
    expect(emailDomain("CFO@MailHost.Example")).toBe("mailhost.example");
  });
});
