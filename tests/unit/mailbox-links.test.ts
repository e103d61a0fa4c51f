import { render } from "@react-email/render";
import { Button, Html, Link } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { extractLinks } from "@/lib/email/mailbox";

describe("extractLinks", () => {
  it("gives a button's text as a reader sees it, without Outlook-only markup or entities", async () => {
    const html = await render(
      createElement(
        Html,
        null,
        createElement(Button, { href: "https://example.test/accept?a=1&b=2", style: { padding: "12px 20px" } }, "Accept & Authorize"),
        createElement(Link, { href: "https://example.test/terms" }, "Customer Agreement"),
      ),
    );
    // React Email pads buttons for Outlook with hair spaces inside conditional comments.
    expect(html).toContain("&#8202;");
    expect(extractLinks(html)).toEqual([
      { href: "https://example.test/accept?a=1&b=2", text: "Accept & Authorize" },
      { href: "https://example.test/terms", text: "Customer Agreement" },
    ]);
  });

  it("decodes numeric and named entities and keeps unknown ones", () => {
    const html = '<a href="https://example.test/x">Caf&#233; &amp; bar &#x2014; &copy2; &bogus;</a>';
    expect(extractLinks(html)).toEqual([{ href: "https://example.test/x", text: "Café & bar — &copy2; &bogus;" }]);
  });
});
