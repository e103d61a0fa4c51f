import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entryFor, isStorableText, readPathParams, readSearchParams } from "@/lib/page-params";

const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: fc.constantFrom("a", "\u0000", "\ud800", "\udc00", "😀", "é"), maxLength: 8 }));

describe("readSearchParams", () => {
  it("drops values Postgres text cannot hold and keeps the rest as sent", async () => {
    const query = await readSearchParams(Promise.resolve({ city: "a\u0000", q: "security", sel: ["fabrikam-partners", "x\ud800", "adatum-consulting"], size: ["\u0000"], page: undefined }));
    expect(query).toEqual({ q: "security", sel: ["fabrikam-partners", "adatum-consulting"] });
  });

  it("keeps one remaining value of a repeated key as a single value, and __proto__ as an ordinary key", async () => {
    const query = await readSearchParams(Promise.resolve(Object.fromEntries([["sel", ["\u0000", "fabrikam-partners"]], ["__proto__", ["a", "b"]]])));
    expect(query.sel).toBe("fabrikam-partners");
    expect(Object.hasOwn(query, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
  });

  it("whatever the query, every key and value it keeps is storable text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(anyText, fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }))), { maxLength: 5 }), async (entries) => {
        const query = await readSearchParams(Promise.resolve(Object.fromEntries(entries)));
        for (const [key, value] of Object.entries(query)) {
          expect(isStorableText(key)).toBe(true);
          for (const v of Array.isArray(value) ? value : [value]) expect(typeof v === "string" && isStorableText(v)).toBe(true);
        }
      }),
    );
  });
});

describe("readPathParams", () => {
  it("passes segments that could name something", async () => {
    await expect(readPathParams(Promise.resolve({ slug: "fabrikam-partners" }))).resolves.toEqual({ slug: "fabrikam-partners" });
  });

  it.each(["a\u0000", "\ud800", "x\udfffy", "a".repeat(257)])("answers 404 for %j", async (id) => {
    await expect(readPathParams(Promise.resolve({ id }))).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
  });
});

describe("entryFor", () => {
  const table = { resent: "Sent again." };
  it("finds own entries only, and only for a single value", () => {
    expect(entryFor(table, "resent")).toBe("Sent again.");
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty", "missing", undefined]) expect(entryFor(table, key)).toBeUndefined();
    expect(entryFor(table, ["resent"])).toBeUndefined();
  });
});
