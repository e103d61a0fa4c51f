import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the fake answers `POST /emails`:
 * - healthy: 200 `{ id }`, honouring `Idempotency-Key` as Resend does;
 * - 500 / 429: Resend-style error JSON, nothing recorded;
 * - timeout: never answers (the request hangs until `reset()` or `close()`);
 * - accept-then-drop: records the email, then closes the connection without a response;
 * - accept-then-500: records the email, then answers 500 (the caller cannot know it went out).
 */
export type FakeResendMode = "healthy" | "500" | "429" | "timeout" | "accept-then-drop" | "accept-then-500";

export interface FakeResendEmail {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
}

export interface FakeResendRequest {
  idempotencyKey: string | null;
  mode: FakeResendMode;
  /** The HTTP status sent, or what happened instead. */
  outcome: number | "dropped" | "hung";
}

export interface FakeResend {
  /** Base URL for RESEND_BASE_URL. */
  url: string;
  mode: FakeResendMode;
  /** Every POST /emails received, in order. */
  requests: FakeResendRequest[];
  /** Emails the provider accepted for delivery; an idempotent replay is not a second one. */
  delivered: FakeResendEmail[];
  deliveredCount(idempotencyKey: string): number;
  /** The provider's id for an idempotency key, once it accepted that email. */
  idFor(idempotencyKey: string): string | undefined;
  /** Requests currently held open by the timeout mode. */
  hanging(): number;
  /** Healthy again, history cleared, hung requests cut off. */
  reset(): void;
  close(): Promise<void>;
}

interface Remembered {
  fingerprint: string;
  email: FakeResendEmail;
}

const ERRORS = {
  500: { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." },
  429: {
    statusCode: 429,
    name: "rate_limit_exceeded",
    message: "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information.",
  },
} as const;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A fake Resend API on loopback (an ephemeral port), implementing `POST /emails`. */
export async function startFakeResend(initial: FakeResendMode = "healthy"): Promise<FakeResend> {
  const byKey = new Map<string, Remembered>();
  const hung = new Set<http.ServerResponse>();

  const fake: FakeResend = {
    url: "",
    mode: initial,
    requests: [],
    delivered: [],
    deliveredCount: (key) => fake.delivered.filter((email) => email.idempotencyKey === key).length,
    idFor: (key) => byKey.get(key)?.email.id,
    hanging: () => hung.size,
    reset() {
      fake.mode = "healthy";
      fake.requests = [];
      fake.delivered = [];
      byKey.clear();
      for (const res of hung) res.socket?.destroy();
      hung.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hung) res.socket?.destroy();
        hung.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    if (req.method !== "POST" || path !== "/emails") {
      return json(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }
    const raw = await readBody(req);
    const mode = fake.mode;
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const request: FakeResendRequest = { idempotencyKey, mode, outcome: 0 };
    fake.requests.push(request);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      request.outcome = status;
      json(res, status, body, headers);
    };

    if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
      return answer(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return answer(422, { statusCode: 422, name: "validation_error", message: "Invalid JSON body." });
    }
    for (const field of ["from", "to", "subject"]) {
      if (!body[field]) return answer(422, { statusCode: 422, name: "missing_required_field", message: `Missing \`${field}\` field.` });
    }
    if (!body.html && !body.text) {
      return answer(422, { statusCode: 422, name: "validation_error", message: "Provide `html` or `text`." });
    }

    if (mode === "500") return answer(500, ERRORS[500]);
    if (mode === "429") return answer(429, ERRORS[429], { "retry-after": "1", "ratelimit-limit": "2", "ratelimit-remaining": "0", "ratelimit-reset": "1" });
    if (mode === "timeout") {
      request.outcome = "hung";
      hung.add(res);
      res.on("close", () => hung.delete(res));
      return;
    }

    // Accept (or replay) the email.
    const fingerprint = createHash("sha256").update(raw).digest("hex");
    let email: FakeResendEmail;
    const earlier = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return answer(409, {
          statusCode: 409,
          name: "invalid_idempotent_request",
          message: "Same idempotency key used with a different request payload. Change your idempotency key or payload.",
        });
      }
      email = earlier.email;
    } else {
      email = {
        id: randomUUID(),
        idempotencyKey,
        from: String(body.from),
        to: Array.isArray(body.to) ? body.to.map(String) : [String(body.to)],
        subject: String(body.subject),
        html: typeof body.html === "string" ? body.html : null,
        text: typeof body.text === "string" ? body.text : null,
      };
      fake.delivered.push(email);
      if (idempotencyKey) byKey.set(idempotencyKey, { fingerprint, email });
    }

    if (mode === "accept-then-drop") {
      request.outcome = "dropped";
      res.socket?.destroy();
      return;
    }
    if (mode === "accept-then-500") return answer(500, ERRORS[500]);
    return answer(200, { id: email.id });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      json(res, 500, { statusCode: 500, name: "internal_server_error", message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}
