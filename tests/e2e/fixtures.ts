import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

export { expect };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Opens a page in a browser context of its own, signed in as this account. */
export type PageAs = (email: string, options?: BrowserContextOptions) => Promise<Page>;

/**
 * Signs in once through the real magic link (form, mailbox, link) in a throwaway context and
 * keeps the result as Playwright storage state: the session cookie.
 */
async function signInOnce(browser: Browser, baseURL: string | undefined, email: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL, storageState: undefined });
  try {
    const page = await context.newPage();
    await signInAs(page, email);
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Shared sign-in state. Each worker signs each account in once, when a test first asks for it, and
 * every later test opens that account's pages with the same session: sign-ins stay far below the
 * limits (10 links an hour per address, 100 per client) and cost seconds once, not in every test.
 *
 * Signing out deletes the session on the server (sessions live in the database), so a test that
 * clicks "Sign out" must sign in through the real flow on its own page (signInAs), never with
 * `pageAs`: after each test, every shared session it used is checked, and one that no longer
 * works fails that test and is signed in afresh for the next.
 */
interface SignedIn {
  /** The account's storage state: signed in once per worker, when first asked for. */
  state(email: string): Promise<StorageState>;
  /** Drops a state whose session no longer works: the next test signs in again. */
  forget(email: string): void;
}

// (The fixtures call their callback `provide`, not `use`: the React hooks lint rule reserves that name.)
export const test = base.extend<{ pageAs: PageAs }, { signedIn: SignedIn }>({
  signedIn: [
    async ({ browser }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const states = new Map<string, Promise<StorageState>>();
      await provide({
        state(email) {
          let state = states.get(email);
          if (!state) {
            state = signInOnce(browser, baseURL, email);
            states.set(email, state);
            // A failed sign-in is not remembered: the next test tries again.
            state.catch(() => states.delete(email));
          }
          return state;
        },
        forget(email) {
          states.delete(email);
        },
      });
    },
    { scope: "worker" },
  ],

  pageAs: async ({ browser, signedIn }, provide) => {
    const opened: { email: string; context: BrowserContext }[] = [];
    await provide(async (email, options = {}) => {
      const context = await browser.newContext({ ...options, storageState: await signedIn.state(email) });
      opened.push({ email, context });
      return context.newPage();
    });
    const signedOut = new Set<string>();
    for (const { email, context } of opened) {
      // undefined: the test closed this context itself, or the server did not answer; nothing to learn.
      const session = await context.request
        .get("/api/auth/session")
        .then((response) => response.json() as Promise<{ user?: unknown } | null>)
        .catch(() => undefined);
      await context.close();
      if (session !== undefined && !session?.user) signedOut.add(email);
    }
    for (const email of signedOut) signedIn.forget(email);
    if (signedOut.size > 0) {
      throw new Error(`The shared session of ${[...signedOut].join(", ")} was signed out during this test: a test that signs out signs in with signInAs on a page of its own.`);
    }
  },
});
