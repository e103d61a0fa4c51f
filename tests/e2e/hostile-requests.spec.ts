import { expect, test } from "@playwright/test";

/** The sign-in form's server action id, as a browser without JavaScript would post it. */
async function signInActionId(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const html = await (await request.get("/signin")).text();
  const id = /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  expect(id, "the sign-in form's action id").toBeTruthy();
  return id!;
}

test("a server action posted from another site or an opaque origin is refused with 403, an oversized one with 413, never a 500", async ({ request, baseURL }) => {
  const id = await signInActionId(request);
  const action = (headers: Record<string, string>, data: string | Buffer = '["$K1",{"ok":false}]') =>
    request.post("/signin", { headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", ...headers }, data, maxRedirects: 0 });

  for (const origin of ["null", "https://evil.example", `${baseURL}.evil.example`]) {
    expect((await action({ origin })).status(), origin).toBe(403);
  }
  expect((await action({ origin: baseURL! }, Buffer.alloc(2 * 1024 * 1024, "a"))).status()).toBe(413);
});

test("an address that is not text, or a callback URL Auth.js cannot use, gets a 4xx, never a 500", async ({ request }) => {
  for (const path of ["/partners/%ff", "/partners/contact/sent/%c0%80", "/admin/invitations/%ed%a0%80", "/dev/mailbox/%ff/raw", "/api/auth/%ff"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
  }
  for (const path of ["/api/auth/session?callbackUrl=javascript:alert(1)", "/api/auth/csrf?callbackUrl=%5C%5Cevil.example", "/api/auth/providers?callbackUrl=%00"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
  }
});
