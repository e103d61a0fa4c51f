import { describe, expect, it } from "vitest";
import { choosePlan, estimateMatches, lexemeStatsFrom, planCandidates, type LexemeStats } from "@/lib/partners/search/plan";

const frequency = new Map([
  ["c:US", 0.24],
  ["c:FR", 0.046],
  ["t:boston", 0.04],
  ["s:50-249", 0.45],
  ["secur", 0.3],
  ["train", 0.2],
  ["cloud", 0.29],
  ["migrat", 0.31],
  ["manufactur", 0.22],
]);
const stats: LexemeStats = { rows: 100_000, frequency, rare: 0.0001 };
const matches = (keywords: string[][][], filters: string[]) => estimateMatches(stats, keywords, filters) as number;

describe("lexemeStatsFrom", () => {
  it("reads the elements' frequencies and counts an unlisted lexeme as half the rarest", () => {
    // pg_stats follows the elements' frequencies with the minimum, maximum and null frequencies.
    const read = lexemeStatsFrom({ elems: ["c:US", "secur"], freqs: [0.24, 0.3, 0.24, 0.3, 0], rows: 1000 });
    expect(read).toEqual({ rows: 1000, frequency: new Map([["c:US", 0.24], ["secur", 0.3]]), rare: 0.12 });
  });

  it("has nothing for a table never analyzed, or analyzed while empty", () => {
    expect(lexemeStatsFrom(undefined)).toBeNull();
    expect(lexemeStatsFrom({ elems: null, freqs: null, rows: 1000 })).toBeNull();
    expect(lexemeStatsFrom({ elems: ["secur"], freqs: [0.3, 0.3, 0.3, 0], rows: -1 })).toBeNull();
    expect(lexemeStatsFrom({ elems: ["secur", "cloud"], freqs: [0.3], rows: 1000 })).toBeNull();
  });
});

describe("estimateMatches", () => {
  it("multiplies a keyword's share by its filters'", () => {
    expect(matches([[["secur"]]], ["c:US"])).toBeCloseTo(7200);
    expect(matches([], ["c:US", "s:50-249"])).toBeCloseTo(0.24 * 0.45 * 100_000);
    expect(estimateMatches(null, [], ["c:US"])).toBeNull();
  });

  it("counts each further keyword with half the weight of the one before, the rarest first", () => {
    expect(matches([[["cloud"]], [["migrat"]]], ["c:US"])).toBeCloseTo(0.29 * Math.sqrt(0.31) * 0.24 * 100_000);
    expect(matches([[["migrat"]], [["cloud"]]], ["c:US"])).toBeCloseTo(matches([[["cloud"]], [["migrat"]]], ["c:US"]));
    expect(matches([[["cloud"]], [["migrat"]], [["manufactur"]]], [])).toBeCloseTo(0.22 * Math.sqrt(0.29) * 0.31 ** 0.25 * 100_000);
  });

  it("lets a city stand in for its country", () => {
    expect(matches([], ["c:US", "t:boston"])).toBeCloseTo(0.04 * 100_000);
    expect(matches([], ["c:US", "t:boston", "s:50-249"])).toBeCloseTo(0.04 * 0.45 * 100_000);
    expect(matches([], ["t:boston"])).toBeCloseTo(0.04 * 100_000);
  });

  it("adds an alternative's share and counts an unknown lexeme as rare", () => {
    expect(matches([[["train"], ["trainn"]]], ["c:FR"])).toBeCloseTo((1 - 0.8 * 0.9999) * 0.046 * 100_000);
    expect(matches([[["zebrafish"]]], [])).toBeCloseTo(10);
  });
});

describe("planCandidates", () => {
  it("walks the rarer filter's listing when many match, and reads every match when few do", () => {
    expect(planCandidates(stats, [[["secur"]]], ["c:US", "s:50-249"])).toEqual({ kind: "walk", via: "c:US" });
    expect(planCandidates(stats, [[["secur"]]], [])).toEqual({ kind: "walk", via: null });
    // A city has no listing of its own: its country's is walked.
    expect(planCandidates(stats, [], ["c:US", "t:boston"])).toEqual({ kind: "walk", via: "c:US" });
    expect(planCandidates(stats, [[["train"], ["trainn"]]], ["c:FR", "s:50-249"])).toEqual({ kind: "bitmap" });
    expect(planCandidates(stats, [[["zebrafish"]]], ["c:US"])).toEqual({ kind: "bitmap" });
    expect(planCandidates(null, [[["secur"]]], ["c:US"])).toEqual({ kind: "planner" });
  });

  it("reads matches as a bitmap while 2.5 rows each cost less than the walk's rows / matches × 201", () => {
    // Half the rows match: the walk reads 2 × 201 = 402 rows, the bitmap 2.5 × rows / 2.
    const half = (rows: number) => planCandidates({ rows, frequency: new Map([["cloud", 0.5]]), rare: 0.001 }, [[["cloud"]]], []);
    expect(half(321)).toEqual({ kind: "bitmap" }); // 401.25 < 402
    expect(half(322)).toEqual({ kind: "walk", via: null }); // 402.5 > 402
    // Fewer than one expected match counts as one: read, never walked.
    expect(half(0.5)).toEqual({ kind: "bitmap" });
  });

  it("counts the walk in its listing only, the rarer of country and size", () => {
    // 5,000 GB rows, a quarter of them match: the walk reads 5,000 / 1,250 × 201 = 804 rows of the GB
    // listing, the bitmap 2.5 × 1,250 = 3,125; the whole listing would have taken 16,080.
    const gb = { rows: 100_000, frequency: new Map([["c:GB", 0.05], ["s:50-249", 0.45], ["cloud", 0.25]]), rare: 0.001 };
    expect(planCandidates(gb, [[["cloud"]]], ["c:GB", "s:50-249"])).toEqual({ kind: "bitmap" });
    expect(planCandidates(gb, [[["cloud"]]], ["c:GB"])).toEqual({ kind: "walk", via: "c:GB" });
    // 960 matches: 5,000 / 960 × 201 ≈ 1,047 rows of the 10,000+ listing against 2,400 for the bitmap
    // (the US listing would have taken 5,025).
    const large = { rows: 100_000, frequency: new Map([["c:US", 0.24], ["s:10000+", 0.05], ["cloud", 0.8]]), rare: 0.001 };
    expect(planCandidates(large, [[["cloud"]]], ["c:US", "s:10000+"])).toEqual({ kind: "walk", via: "s:10000+" });
  });
});

describe("choosePlan", () => {
  it("reads the whole listing for a search for everything", () => {
    expect(choosePlan(stats, [], [])).toEqual({ kind: "walk", via: null });
    expect(choosePlan(stats, [], [], "bitmap")).toEqual({ kind: "walk", via: null });
  });

  it("follows planCandidates unless a plan is forced", () => {
    expect(choosePlan(stats, [[["zebrafish"]]], ["c:US"])).toEqual({ kind: "bitmap" });
    expect(choosePlan(stats, [[["zebrafish"]]], ["t:boston", "s:50-249", "c:US"], "walk")).toEqual({ kind: "walk", via: "s:50-249" });
    expect(choosePlan(null, [[["secur"]]], ["c:US"], "walk")).toEqual({ kind: "walk", via: "c:US" });
    expect(choosePlan(stats, [[["secur"]]], ["c:US"], "bitmap")).toEqual({ kind: "bitmap" });
    expect(choosePlan(null, [[["secur"]]], ["c:US"])).toEqual({ kind: "planner" });
  });
});
