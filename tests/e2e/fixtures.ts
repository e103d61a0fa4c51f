import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

export { expect };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * The page of a signed-in account. Without options: the account's page, shared by the tests of a worker
 * (a second call in one test returns the same page). With options (e.g. `{ javaScriptEnabled: false }`):
 * a new context of the test's own with the account's storage state.
 */
export type PageAs = (email: string, options?: BrowserContextOptions) => Promise<Page>;

interface Session {
  context: BrowserContext;
  page: Page;
}

interface Sessions {
  /** The page of this account (undefined: a visitor who is not signed in), opened and signed in on first use. */
  page(email: string | undefined): Promise<Page>;
  /** The account's storage state (its session cookie), for a context of a test's own. */
  state(email: string): Promise<StorageState>;
  /** Closes a session that no longer is what it was: the next test starts it afresh. */
  forget(email: string | undefined): Promise<void>;
}

/** Who /api/auth/session says is signed in on this page's context: an email, null for nobody, undefined if it did not answer. */
async function signedInAs(page: Page): Promise<string | null | undefined> {
  return page.request
    .get("/api/auth/session")
    .then((response) => response.json() as Promise<{ user?: { email?: string } } | null>)
    .then((session) => session?.user?.email ?? null)
    .catch(() => undefined);
}

/**
 * Shared sessions, one browser context per account and worker. Each account signs in once, through the
 * real magic link (form, mailbox, link), the first time a test asks for it; every later test reuses the
 * session, its page and its cache. Sign-ins stay far below the limits (10 links an hour per address,
 * 100 per client) and cost seconds once, not in every test; and opening a page in a new context costs a
 * busy machine seconds too (a renderer process, every script loaded and compiled again).
 *
 * Signing out deletes the session on the server (sessions live in the database), so a test that clicks
 * "Sign out" signs in through signInAs on a page of its own (the `page` fixture), never with `pageAs`.
 * After each test, every shared session it used is checked: one whose account changed (signed out, or
 * signed in as someone else) fails that test and is started afresh for the next. A failed test also
 * restarts the worker, so no test inherits a page a failure left behind.
 */
// (The fixtures call their callback `provide`, not `use`: the React hooks lint rule reserves that name.)
export const test = base.extend<{ pageAs: PageAs; visitor: Page }, { sessions: Sessions }>({
  sessions: [
    async ({ browser }, provide) => {
      const open = new Map<string, Promise<Session>>();
      const start = async (email: string | undefined): Promise<Session> => {
        // Created inside a test, so with the project's context options (baseURL, device).
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          if (email) {
            await signInAs(page, email);
            await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
          }
          return { context, page };
        } catch (error) {
          await context.close();
          throw error;
        }
      };
      const sessions: Sessions = {
        page(email) {
          const key = email ?? "";
          let session = open.get(key);
          if (!session) {
            session = start(email);
            open.set(key, session);
            // A failed start is not remembered: the next test tries again.
            session.catch(() => open.delete(key));
          }
          return session.then((s) => s.page);
        },
        async state(email) {
          return (await sessions.page(email)).context().storageState();
        },
        async forget(email) {
          const session = open.get(email ?? "");
          open.delete(email ?? "");
          await session?.then((s) => s.context.close()).catch(() => undefined);
        },
      };
      await provide(sessions);
      for (const session of open.values()) await session.then((s) => s.context.close()).catch(() => undefined);
    },
    { scope: "worker" },
  ],

  pageAs: async ({ browser, sessions }, provide) => {
    const used = new Map<string, Page>();
    const own: BrowserContext[] = [];
    await provide(async (email, options) => {
      if (options) {
        const context = await browser.newContext({ ...options, storageState: await sessions.state(email) });
        own.push(context);
        return context.newPage();
      }
      let page = used.get(email);
      if (!page) {
        page = await sessions.page(email);
        // Nothing of the previous test's page stays in view.
        await page.goto("about:blank");
        used.set(email, page);
      }
      return page;
    });
    for (const context of own) await context.close();
    const changed: string[] = [];
    for (const [email, page] of used) {
      const now = await signedInAs(page);
      if (now !== undefined && now?.toLowerCase() !== email.toLowerCase()) {
        changed.push(email);
        await sessions.forget(email);
      }
    }
    if (changed.length > 0) {
      throw new Error(`The shared session of ${changed.join(", ")} was signed out during this test: a test that signs out signs in with signInAs on its own page.`);
    }
  },

  /** A visitor's page (nobody signed in), shared by the tests of a worker like the accounts' pages. */
  visitor: async ({ sessions }, provide) => {
    const page = await sessions.page(undefined);
    await page.goto("about:blank");
    await provide(page);
    const now = await signedInAs(page);
    if (now) {
      await sessions.forget(undefined);
      throw new Error(`The visitor's shared page was signed in as ${now} during this test: a test that signs in does so on its own page.`);
    }
  },
});
