import { describe, expect, it } from "vitest";
import { containsPattern, countText, listSearch, offsetPage, pageNumber, pageRange, searchText } from "@/lib/paging";

/** A list of `size` rows behind offsetPage's two callbacks, recording what each asked for. */
function list(size: number) {
  const asked = { counts: [] as number[], windows: [] as { limit: number; offset: number }[] };
  return {
    asked,
    count: async (cap: number) => {
      asked.counts.push(cap);
      return { count: Math.min(size, cap), capped: size > cap };
    },
    read: async (window: { limit: number; offset: number }) => {
      asked.windows.push(window);
      return Array.from({ length: Math.max(0, Math.min(window.limit, size - window.offset)) }, (_, i) => window.offset + i + 1);
    },
  };
}

describe("offset pages", () => {
  it("read exactly one page's window and count no further than the cap or a few pages past the page", async () => {
    const rows = list(120);
    const page = await offsetPage({ page: 2, pageSize: 50, cap: 100, ...rows });
    expect(page).toEqual({ rows: Array.from({ length: 50 }, (_, i) => i + 51), page: 2, pageCount: 3, pageSize: 50, total: 120, capped: false });
    expect(rows.asked.windows).toEqual([{ limit: 50, offset: 50 }]);
    // Four pages past page 2 reach further than the cap.
    expect(rows.asked.counts).toEqual([300]);
    expect(pageRange(page)).toEqual({ first: 51, last: 100 });
    const capped = await offsetPage({ page: 1, pageSize: 10, cap: 100, ...list(120) });
    expect(capped).toMatchObject({ total: 100, capped: true, pageCount: 10 });
  });

  it("show the last page for a page past it, and page 1 for a page that is no page", async () => {
    const rows = list(120);
    const past = await offsetPage({ page: 9, pageSize: 50, ...rows });
    expect(past).toMatchObject({ page: 3, pageCount: 3, total: 120, capped: false });
    expect(past.rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 101));
    for (const page of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect((await offsetPage({ page, pageSize: 50, ...list(120) })).page, String(page)).toBe(1);
    expect(await offsetPage({ page: 3, pageSize: 50, ...list(0) })).toMatchObject({ rows: [], page: 1, pageCount: 1, total: 0 });
  });

  it("let a deep page lead on past the cap", async () => {
    const deep = await offsetPage({ page: 250, pageSize: 50, cap: 10_000, ...list(50_000) });
    expect(deep).toMatchObject({ page: 250, pageCount: 254, capped: true });
    expect(countText(deep.total, deep.capped)).toBe("12,700+");
    expect(countText(120, false)).toBe("120");
  });
});

describe("list addresses", () => {
  it("read a page number only when it is a whole number from 1 to 100,000", () => {
    expect(pageNumber("2")).toBe(2);
    expect(pageNumber(" 7 ")).toBe(7);
    for (const raw of [undefined, ["2", "3"], "", "0", "-1", "1e3", "0x10", "1.5", "100001", "99999999999999999999", "NaN", "2abc"]) expect(pageNumber(raw), String(raw)).toBe(1);
  });

  it("read a search as trimmed text of at most 100 characters, never cutting a character in two", () => {
    expect(searchText("  contoso \n  ltd ")).toBe("contoso ltd");
    expect(searchText(["a", "b"])).toBeUndefined();
    expect(searchText("   ")).toBeUndefined();
    const emoji = searchText("😀".repeat(150))!;
    expect(Array.from(emoji)).toHaveLength(100);
    expect(emoji.isWellFormed()).toBe(true);
  });

  it("search for % _ and \\ as the characters they are", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect(containsPattern("contoso")).toBe("%contoso%");
  });

  it("leave empty values and page 1 out of a list's address", () => {
    expect(listSearch({ status: "pending", q: "a&b=c", sort: undefined, page: 1 })).toBe("?status=pending&q=a%26b%3Dc");
    expect(listSearch({ q: "", page: 2 })).toBe("?page=2");
    expect(listSearch({})).toBe("");
  });
});
