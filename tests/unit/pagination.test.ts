import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pagination, pageNumbers, type PaginationProps } from "@/components/ui/pagination";

const render = (props: PaginationProps) => renderToStaticMarkup(createElement(Pagination, props));

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

/** The attributes of every `<tag …>` in the markup, in order. */
function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map(([, attributes]) =>
    Object.fromEntries([...attributes!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!])),
  );
}

describe("Pagination", () => {
  it("renders nothing for a single page", () => {
    expect(render({ "aria-label": "Pages of results", page: 1, pageCount: 1, name: "page" })).toBe("");
  });

  it("as links: a named navigation, Previous and Next with rel, the current page marked and not a link", () => {
    const html = render({ "aria-label": "Pages of partners", page: 2, pageCount: 3, hrefForPage: (p) => `/list?page=${p}` });
    expect(elements(html, "nav")).toEqual([{ "aria-label": "Pages of partners" }]);
    const links = elements(html, "a").map(({ href, rel, "aria-label": label }) => ({ href, rel, label }));
    expect(links).toEqual([
      { href: "/list?page=1", rel: "prev", label: undefined },
      { href: "/list?page=1", rel: undefined, label: "Page 1" },
      { href: "/list?page=3", rel: undefined, label: "Page 3" },
      { href: "/list?page=3", rel: "next", label: undefined },
    ]);
    expect(html).toContain("Previous</span></a>");
    expect(html).toMatch(/<span aria-current="page"[^>]*><span class="sr-only">Page <\/span>2<\/span>/);
    expect(elements(html, "button")).toEqual([]);
  });

  it("as buttons of a form: each sends its page under the name given; no Previous on the first page", () => {
    const html = render({ "aria-label": "Pages of results", page: 1, pageCount: 20, name: "page" });
    const buttons = elements(html, "button").map(({ type, name, value, "aria-label": label }) => ({ type, name, value, label }));
    expect(buttons).toEqual([
      { type: "submit", name: "page", value: "2", label: "Page 2" },
      { type: "submit", name: "page", value: "20", label: "Page 20" },
      { type: "submit", name: "page", value: "2", label: undefined },
    ]);
    expect(html).not.toContain("Previous");
    expect(html).toContain(">Next</span>");
    expect(elements(html, "a")).toEqual([]);
  });
});
