import { describe, expect, it } from "vitest";
import { directoryHref, filterLexemes, keywordTsQuery, parseDirectoryQuery, searchTerms } from "@/lib/partners/search/query";

describe("the directory query in the URL", () => {
  it("round-trips through its href, keeping the selection", () => {
    const query = parseDirectoryQuery({ location: "us", city: "Seattle", size: "50-249", q: "cloud migration", page: "3", sel: ["a-1", "b-2"] });
    expect(query).toEqual({ location: "US", city: "Seattle", size: "50-249", q: "cloud migration", page: 3, exact: false, sel: ["a-1", "b-2"] });
    const href = directoryHref(query);
    expect(href).toBe("/partners?location=US&city=Seattle&size=50-249&q=cloud+migration&page=3&sel=a-1&sel=b-2");
    const params = new URL(href, "http://localhost").searchParams;
    expect(parseDirectoryQuery({ ...Object.fromEntries(params), sel: params.getAll("sel") })).toEqual(query);
    expect(directoryHref({ page: 1 })).toBe("/partners");
  });
});

describe("the search's words", () => {
  it("splits keywords into at most eight distinct words without accents", () => {
    expect(searchTerms("Sécurité, SharePoint & a Teams-voice teams")).toEqual(["securite", "sharepoint", "teams", "voice"]);
    expect(searchTerms("a b c d e f g h i j k l m n o p q r s t u v w x y z".replace(/ /g, "1 "))).toHaveLength(8);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it("turns filters into lexemes and keywords into a tsquery with quotes doubled", () => {
    expect(filterLexemes({ location: "US", city: "New York", size: "50-249" })).toEqual(["c:US", "t:new york", "s:50-249"]);
    expect(keywordTsQuery([[["secur"]], [["share"], ["sharepoint"]], [["o'brien"]]])).toBe("'secur' & ('share' | 'sharepoint') & 'o''brien'");
    expect(keywordTsQuery([[["back\\slash"], ["a", "b"]]])).toBe("('back\\\\slash' | ('a' & 'b'))");
    expect(keywordTsQuery([])).toBeNull();
  });
});
