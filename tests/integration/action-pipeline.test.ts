/**
 * Every server action goes through lib/actions/pipeline.ts. A request crafted by hand can hand an
 * action anything in place of its form (a string, an object, nothing): every action must refuse
 * it the way it refuses bad input (a form state with a message, or a return to its page with an
 * outcome code), never throw, and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capture, harness, loadApp, serverActionExports, snapshot, unloadApp, type AnyFn } from "../support/action-harness";
import { freshDatabase, userIdOf } from "../support/fixtures";

const NOT_FORMS: unknown[] = ["a string", { email: "admin@contoso.example" }, null, undefined, 42, [new FormData()]];

describe("the action pipeline", () => {
  let actions: Map<string, { file: string; fn: AnyFn }>;

  beforeAll(async () => {
    await loadApp();
    actions = await serverActionExports();
  });

  afterAll(() => unloadApp());

  // One test per actor: every action × every non-form, each a few seconds on a busy machine.
  it.each([null, "admin@contoso.example", "agent@fabrikam.example"])("refuses whatever is not a form, in every action, as %s, and writes nothing", { timeout: 120_000 }, async (email) => {
    const db = await freshDatabase();
    expect(actions.size).toBeGreaterThan(10);
    for (const [name, { fn }] of actions) {
      if (name === "signOutAction") continue;
      for (const notForm of NOT_FORMS) {
        harness.reset(email ? await userIdOf(db, email) : null);
        const before = await snapshot(db);
        // Form actions take (previous state, form); button actions (form); bound ones (value, previous state, form).
        const args = fn.length >= 3 ? ["token", { ok: false }, notForm] : fn.length === 2 ? [{ ok: false }, notForm] : [notForm];
        const outcome = await capture(() => (fn as (...values: unknown[]) => unknown)(...args));
        const label = `${name}(${JSON.stringify(notForm) ?? "undefined"}) as ${email ?? "anonymous"}`;
        if (outcome.kind === "returned") expect(outcome.value, label).toMatchObject({ ok: false, message: expect.any(String) });
        else expect(outcome, label).toMatchObject({ kind: "redirect", url: expect.stringMatching(/\?error=not_found$/) });
        expect(await snapshot(db), label).toEqual(before);
      }
    }
  });
});
