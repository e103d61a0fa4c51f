import { describe, expect, it } from "vitest";
import { pageNumbers } from "@/components/ui/pagination";

describe("pageNumbers", () => {
  it("offers the first, the last, and the current page with its neighbours, with gaps between", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(1, 20)).toEqual([1, 2, "gap", 20]);
    expect(pageNumbers(4, 20)).toEqual([1, "gap", 3, 4, 5, "gap", 20]);
    expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(20, 20)).toEqual([1, "gap", 19, 20]);
  });

  it("never offers more than seven places, so the row fits a phone", () => {
    for (let count = 1; count <= 30; count++) {
      for (let page = 1; page <= count; page++) expect(pageNumbers(page, count).length).toBeLessThanOrEqual(7);
    }
  });
});
