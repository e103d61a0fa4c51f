import { describe, expect, it } from "vitest";
import { widenTips } from "@/components/partners/directory-results";
import { selectionFrom } from "@/components/partners/selection";
import { cityChoice, keywordOptions, termInfo, type TermInfo } from "@/lib/partners/search/keywords";
import { correctedKeywords, directoryHref, parseDirectoryQuery } from "@/lib/partners/search/query";
import { contactPartnerHref, ratingLabel, reviewsLabel } from "@/lib/partners/text";

const info = new Map<string, TermInfo>([
  ["cloud", termInfo("cloud", null, null, null)],
  ["secruity", termInfo("secruiti", [], "security", "secur")],
  ["sharep", termInfo("sharep", ["sharepoint"], "sharepoint", "sharepoint")],
  ["the", termInfo("", null, null, null)],
]);

describe("typo correction of keywords", () => {
  it("corrects a keyword that begins no known word to its nearest word, and names the correction", () => {
    const { keywords, corrections } = keywordOptions(["cloud", "secruity"], info);
    expect(keywords).toEqual([[["cloud"]], [["secruiti"], ["secur"]]]);
    expect([...corrections]).toEqual([["secruity", "security"]]);
  });

  it("completes a keyword that begins known words without calling it a typo", () => {
    const { keywords, corrections } = keywordOptions(["sharep"], info);
    expect(keywords).toEqual([[["sharep"], ["sharepoint"]]]);
    expect(corrections.size).toBe(0);
  });

  it("searches exactly what was typed when correction is off, and drops stop words either way", () => {
    const { keywords, corrections } = keywordOptions(["the", "secruity", "unseen"], info, true);
    expect(keywords).toEqual([[["secruiti"]], [["unseen"]]]);
    expect(corrections.size).toBe(0);
    expect(keywordOptions(["the"], info).keywords).toEqual([]);
  });

  it("offers no alternative that repeats the keyword's own stem", () => {
    expect(termInfo("secur", ["secur", "securiti"], "secure", "secur")).toEqual({ own: ["secur"], completions: [["securiti"]], nearest: null });
  });

  it("shows the keywords as typed with the corrected words marked", () => {
    expect(correctedKeywords("Cloud Migraton, fast", new Map([["migraton", "migration"]]))).toEqual([
      { text: "Cloud ", corrected: false },
      { text: "migration", corrected: true },
      { text: ", fast", corrected: false },
    ]);
    expect(correctedKeywords("Sécruity", new Map([["secruity", "security"]]))).toEqual([{ text: "security", corrected: true }]);
    expect(correctedKeywords("cloud", new Map([["secruity", "security"]]))).toBeNull();
    expect(correctedKeywords(undefined, new Map([["a", "b"]]))).toBeNull();
  });
});

describe("typo correction of a city", () => {
  it("corrects a city no partner names to the nearest one, keeps a known one, and keeps one with no neighbour", () => {
    expect(cityChoice("Seatle", { known: false, nearest: { city: "seattle", name: "Seattle" } })).toEqual({ city: "Seattle", corrected: "Seattle" });
    expect(cityChoice("seattle", { known: true, nearest: { city: "seattle", name: "Seattle" } })).toEqual({ city: "seattle", corrected: null });
    expect(cityChoice("Zzyzx", { known: false, nearest: null })).toEqual({ city: "Zzyzx", corrected: null });
  });
});

describe("the address of a search", () => {
  it("carries the flag that turns correction off", () => {
    const query = parseDirectoryQuery({ q: "secruity", exact: "1", sel: ["a-1"] });
    expect(query.exact).toBe(true);
    expect(directoryHref(query)).toBe("/partners?q=secruity&exact=1&sel=a-1");
    expect(parseDirectoryQuery({ q: "secruity", exact: "yes" }).exact).toBe(false);
    expect(directoryHref(parseDirectoryQuery({ q: "secruity" }))).toBe("/partners?q=secruity");
  });

  it("reads the selection from the address as the server does", () => {
    expect(selectionFrom(new URLSearchParams("sel=a-1&sel=Bad!&sel=a-1&sel=b-2"))).toEqual(["a-1", "b-2"]);
    expect(parseDirectoryQuery({ sel: ["a-1", "Bad!", "a-1", "b-2"] }).sel).toEqual(["a-1", "b-2"]);
  });
});

describe("what the directory says", () => {
  it("gives a rating its review count", () => {
    expect(reviewsLabel(128)).toBe("128 reviews");
    expect(reviewsLabel(1)).toBe("1 review");
    expect(reviewsLabel(1200)).toBe("1,200 reviews");
    expect(reviewsLabel(null)).toBeNull();
    expect(ratingLabel(46, 128)).toBe("4.6 out of 5 (128 reviews)");
    expect(ratingLabel(46, null)).toBe("4.6 out of 5");
  });

  it("adds a profile's partner to the partners chosen before, keeping the search", () => {
    const query = parseDirectoryQuery({ q: "security", location: "US", sel: ["a-1", "b-2"] });
    expect(contactPartnerHref(query, "c-3")).toBe("/partners/contact?location=US&q=security&sel=a-1&sel=b-2&sel=c-3");
    expect(contactPartnerHref(query, "a-1")).toBe("/partners/contact?location=US&q=security&sel=a-1&sel=b-2");
    expect(contactPartnerHref(parseDirectoryQuery({}), "c-3")).toBe("/partners/contact?sel=c-3");
  });

  it("suggests widening a city search in words that fit whether a country is chosen or not", () => {
    expect(widenTips({ city: "Munich", location: "DE" })).toBe("leaving the city empty to search the whole country/region");
    expect(widenTips({ city: "Munich" })).toBe("checking the city's spelling, or leaving it empty to search every location");
    expect(widenTips({ q: "x", size: "10-49" })).toBe("fewer or broader keywords or another organization size");
  });
});
