import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { vi } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { SESSION_COOKIE } from "@/lib/auth/paths";
import { tableCounts } from "./db";

/**
 * Runs the real server actions and route handlers outside Next.js. Only the framework edges are
 * replaced: `auth()` and the session lookup (who is signed in), `next/headers`, `next/cache`, `next/navigation`, and
 * `kickOutbox` (recorded, so no background delivery outlives a test). Everything from the action
 * down to the database is the app's own code.
 *
 * The mocks are registered with `vi.doMock` and the modules are imported afresh after
 * `vi.resetModules()`; `unloadApp()` removes both again. Integration files share one process
 * (isolate: false), so nothing here may leak into the next file.
 */

/** What `redirect()` throws here: the URL is how most actions report success or an outcome code. */
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
    this.name = "RedirectSignal";
  }
}

export class NotFoundSignal extends Error {
  constructor() {
    super("NEXT_NOT_FOUND");
    this.name = "NotFoundSignal";
  }
}

class CookieJar {
  private readonly values = new Map<string, string>();
  get(name: string) {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }
  getAll() {
    return [...this.values].map(([name, value]) => ({ name, value }));
  }
  has(name: string) {
    return this.values.has(name);
  }
  set(name: string | { name: string; value: string }, value?: string) {
    if (typeof name === "string") this.values.set(name, value ?? "");
    else this.values.set(name.name, name.value);
    return this;
  }
  delete(name: string) {
    this.values.delete(name);
    return this;
  }
  clear() {
    this.values.clear();
  }
}

/**
 * What the app receives behind one trusted reverse proxy (TRUSTED_PROXY_HOPS=1, set by loadApp): whatever
 * X-Forwarded-For the client sent, with the address the proxy received from (`peer`) appended, as nginx's
 * `$proxy_add_x_forwarded_for` does.
 */
function requestHeadersFrom(peer: string, forwardedFor?: string): Headers {
  // The header as it arrives (Headers trims the whitespace around a value, as HTTP parsers do).
  const sent = forwardedFor === undefined ? "" : (new Headers({ "x-forwarded-for": forwardedFor }).get("x-forwarded-for") ?? "");
  return new Headers({ "x-forwarded-for": sent ? `${sent}, ${peer}` : peer });
}

export const harness = {
  /** The signed-in user's id, or null for an anonymous caller. */
  userId: null as string | null,
  requestHeaders: requestHeadersFrom("203.0.113.10"),
  cookies: new CookieJar(),
  signInCalls: [] as { provider: string; options: Record<string, unknown> | undefined }[],
  signOutCalls: [] as (Record<string, unknown> | undefined)[],
  revalidated: [] as string[],
  kicks: 0,
  /** `forwardedFor` is an X-Forwarded-For header as a client may write it; the client is always 203.0.113.10. */
  reset(userId: string | null = null, forwardedFor?: string) {
    this.userId = userId;
    this.requestHeaders = requestHeadersFrom("203.0.113.10", forwardedFor);
    this.cookies.clear();
    // A signed-in caller carries Auth.js's session cookie, as a browser would.
    if (userId) this.cookies.set(SESSION_COOKIE, `test-session-${userId}`);
    this.signInCalls = [];
    this.signOutCalls = [];
    this.revalidated = [];
    this.kicks = 0;
  },
};

const MOCKED = ["@/auth", "@/lib/auth/session", "next/headers", "next/cache", "next/navigation", "@/lib/email/deliver"] as const;

function registerMocks() {
  vi.doMock("@/auth", () => ({
    auth: async () => (harness.userId ? { user: { id: harness.userId } } : null),
    // Auth.js ends a server-action sign-in with a redirect to the "check your email" page.
    signIn: async (provider: string, options?: Record<string, unknown>) => {
      harness.signInCalls.push({ provider, options });
      throw new RedirectSignal("/signin/check-email");
    },
    signOut: async (options?: Record<string, unknown>) => {
      harness.signOutCalls.push(options);
      throw new RedirectSignal(String(options?.redirectTo ?? "/"));
    },
    handlers: {
      GET: () => new Response("not under test", { status: 501 }),
      POST: () => new Response("not under test", { status: 501 }),
    },
  }));
  // Who is signed in: the harness's user, as the session lookup would load them.
  vi.doMock("@/lib/auth/session", async (importOriginal) => ({
    ...(await importOriginal<typeof import("@/lib/auth/session")>()),
    currentActor: async () => {
      if (!harness.userId) return null;
      const [{ getDb }, { loadActor }] = await Promise.all([import("@/db/client"), import("@/lib/authz")]);
      return loadActor(await getDb(), harness.userId);
    },
  }));
  vi.doMock("next/headers", () => ({
    headers: async () => harness.requestHeaders,
    cookies: async () => harness.cookies,
  }));
  vi.doMock("next/cache", () => ({
    revalidatePath: (p: string) => void harness.revalidated.push(p),
    revalidateTag: () => undefined,
    updateTag: () => undefined,
    refresh: () => undefined,
  }));
  vi.doMock("next/navigation", () => ({
    redirect: (url: string) => {
      throw new RedirectSignal(url);
    },
    permanentRedirect: (url: string) => {
      throw new RedirectSignal(url);
    },
    notFound: () => {
      throw new NotFoundSignal();
    },
    // Client components rendered on the server by the page tests: navigation does nothing there.
    useRouter: () => ({ push: () => undefined, replace: () => undefined, refresh: () => undefined, prefetch: () => undefined, back: () => undefined, forward: () => undefined }),
    usePathname: () => "/",
    useSearchParams: () => new URLSearchParams(),
  }));
  vi.doMock("@/lib/email/deliver", async (importOriginal) => ({
    ...(await importOriginal<typeof import("@/lib/email/deliver")>()),
    kickOutbox: () => {
      harness.kicks += 1;
    },
  }));
}

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter(keep)
    .sort();
}

/** The "use server" directive as a module's first statement (comments may come before it). */
const USE_SERVER_MODULE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** Every module under lib/ and app/ whose first statement is the "use server" directive. */
export function serverActionFiles(): string[] {
  return ["lib", "app"]
    .flatMap((dir) => walk(dir, (f) => /\.tsx?$/.test(f)))
    .filter((f) => USE_SERVER_MODULE.test(readFileSync(path.join(ROOT, f), "utf8")));
}

/** Files with a "use server" directive that is not the module's (an inline server action the matrix can't enumerate). */
export function inlineServerActionFiles(): string[] {
  return ["lib", "app", "components"]
    .flatMap((dir) => walk(dir, (f) => /\.tsx?$/.test(f)))
    .filter((f) => {
      const source = readFileSync(path.join(ROOT, f), "utf8");
      return /["']use server["']/.test(source) && !USE_SERVER_MODULE.test(source);
    });
}

/** Every App Router route handler (app/**\/route.ts). */
export function routeFiles(): string[] {
  return walk("app", (f) => /(^|\/)route\.tsx?$/.test(f));
}

export type AnyFn = (...args: never[]) => unknown;

/** The exported functions of each "use server" file, keyed by export name. */
export async function serverActionExports(): Promise<Map<string, { file: string; fn: AnyFn }>> {
  const found = new Map<string, { file: string; fn: AnyFn }>();
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (found.has(name)) throw new Error(`Server action ${name} is exported from both ${found.get(name)!.file} and ${file}`);
      found.set(name, { file, fn: value as AnyFn });
    }
  }
  return found;
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** "METHOD /url/path" for each handler exported by the given route files. */
export async function routeHandlerExports(files: string[]): Promise<Map<string, AnyFn>> {
  const found = new Map<string, AnyFn>();
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    const urlPath = `/${path.dirname(file).split(path.sep).slice(1).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") found.set(`${method} ${urlPath}`, mod[method] as AnyFn);
    }
  }
  return found;
}

/** TRUSTED_PROXY_HOPS as it was before loadApp; unloadApp puts it back. */
let proxyHopsBefore: { value: string | undefined } | null = null;

/** Imports the app modules under test with the framework edges mocked, behind one trusted proxy. */
export async function loadApp() {
  vi.resetModules();
  proxyHopsBefore ??= { value: process.env.TRUSTED_PROXY_HOPS };
  process.env.TRUSTED_PROXY_HOPS = "1";
  registerMocks();
  const [authActions, contact, invitations, agreements, relationships, domains, users, access, authz, forms] = await Promise.all([
    import("@/lib/auth/actions"),
    import("@/lib/contact-requests/actions"),
    import("@/lib/invitations/actions"),
    import("@/lib/agreements/actions"),
    import("@/lib/relationships/actions"),
    import("@/lib/domains/actions"),
    import("@/lib/users/actions"),
    import("@/lib/access/actions"),
    import("@/lib/authz"),
    import("@/lib/forms"),
  ]);
  return {
    ...authActions,
    ...contact,
    ...invitations,
    ...agreements,
    ...relationships,
    ...domains,
    ...users,
    ...access,
    getActor: authz.getActor,
    AuthorizationError: authz.AuthorizationError,
    initialFormState: forms.initialFormState,
  };
}

export type App = Awaited<ReturnType<typeof loadApp>>;

/** Removes the mocks and forgets the modules imported with them. */
export function unloadApp() {
  if (proxyHopsBefore) {
    if (proxyHopsBefore.value === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = proxyHopsBefore.value;
    proxyHopsBefore = null;
  }
  for (const id of MOCKED) vi.doUnmock(id);
  vi.resetModules();
}

export type Outcome =
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; url: string }
  | { kind: "notFound" }
  | { kind: "threw"; error: unknown };

/** Calls an action and reports how it ended; anything but a framework signal is "threw". */
export async function capture(run: () => unknown): Promise<Outcome> {
  try {
    return { kind: "returned", value: await run() };
  } catch (error) {
    if (error instanceof RedirectSignal) return { kind: "redirect", url: error.url };
    if (error instanceof NotFoundSignal) return { kind: "notFound" };
    return { kind: "threw", error };
  }
}

/** Row counts of every table plus the audit trail itself: a refused call must leave both as they were. */
export async function snapshot(db: Db) {
  const counts = await tableCounts(db);
  const audit = await queryRows<Record<string, unknown>>(db, sql`select * from audit_events order by id`);
  return { counts, audit: JSON.parse(JSON.stringify(audit)) as unknown };
}

export function form(fields: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}
