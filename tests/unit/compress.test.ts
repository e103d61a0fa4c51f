import { randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders, type RequestListener } from "node:http";
import net, { type AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, BUFFER_LIMIT, clearCompressionCache, compressResponses, DYNAMIC_LEVEL, HOLD_MS, IMMUTABLE_LEVEL } from "../../scripts/compress.mjs";

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  clearCompressionCache();
});

/** A server whose responses go through compressResponses, as `npm start` sets it up. */
async function serve(handler: RequestListener): Promise<string> {
  const server = http.createServer((req, res) => {
    compressResponses(req, res);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from the request to the first body bytes. */
  firstBytesMs: number;
}

/** The response as sent, undecoded (fetch would decompress it). */
function get(url: string, headers: Record<string, string> = { "accept-encoding": "gzip" }, method = "GET"): Promise<Raw> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        let firstBytesMs = Number.NaN;
        res.on("data", (chunk: Buffer) => {
          if (chunks.length === 0) firstBytesMs = performance.now() - started;
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), firstBytesMs }));
      })
      .on("error", reject)
      .end();
  });
}

const page = "<!doctype html><p>" + "Partners near you. ".repeat(400) + "</p>";

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["GZIP", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["gzip;q=0", false],
    ["gzip;q=0, *", false],
    ["gzip ;q=0, *", false],
    ["gzip ; q=1", true],
    ["*;q=0", false],
    ["br", false],
    ["identity", false],
    ["", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it("is false without the header", () => {
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("compressResponses", () => {
  it("gzips an HTML page in one piece, with its length, and keeps the headers set before", async () => {
    const url = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.appendHeader("vary", "rsc");
      res.setHeader("x-kept", "yes");
      res.flushHeaders();
      res.write(page.slice(0, 100));
      res.write(page.slice(100));
      res.end();
    });
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(Number(response.headers["content-length"])).toBe(response.body.length);
    expect(response.headers["transfer-encoding"]).toBeUndefined();
    expect(response.headers.vary).toBe("rsc, Accept-Encoding");
    expect(response.headers["x-kept"]).toBe("yes");
    expect(response.body.length).toBeLessThan(page.length / 4);
    expect(gunzipSync(response.body).toString()).toBe(page);
  });

  it("sends the page as it is to a client that does not accept gzip, saying it varies", async () => {
    const url = await serve((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(page);
    });
    const response = await get(url, { "accept-encoding": "identity" });
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(response.body.toString()).toBe(page);
  });

  it("leaves small bodies, other content types, HEAD requests and bodiless statuses alone", async () => {
    const png = Buffer.alloc(5000, 7);
    const url = await serve((req, res) => {
      if (req.url === "/small") {
        res.setHeader("content-type", "text/plain");
        res.end("short");
      } else if (req.url === "/png") {
        res.writeHead(200, { "content-type": "image/png", "content-length": png.length });
        res.end(png);
      } else if (req.url === "/not-modified") {
        res.writeHead(304, { etag: '"a"' });
        res.end();
      } else {
        res.setHeader("content-type", "text/html");
        res.setHeader("content-length", Buffer.byteLength(page));
        res.end(req.method === "HEAD" ? undefined : page);
      }
    });
    const small = await get(`${url}/small`);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers["content-length"]).toBe("5");
    expect(small.body.toString()).toBe("short");

    const image = await get(`${url}/png`);
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);

    const head = await get(url, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(page)));

    const notModified = await get(`${url}/not-modified`);
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
    expect(notModified.headers.etag).toBe('"a"');
  });

  it("does not compress what is already encoded, a partial response or a no-transform one", async () => {
    const url = await serve((req, res) => {
      res.setHeader("content-type", "text/html");
      if (req.url === "/encoded") res.setHeader("content-encoding", "br");
      if (req.url === "/partial") {
        res.statusCode = 206;
        res.setHeader("content-range", `bytes 0-${Buffer.byteLength(page) - 1}/99999`);
      }
      if (req.url === "/no-transform") res.setHeader("cache-control", "no-transform");
      res.end(page);
    });
    for (const path of ["/encoded", "/partial", "/no-transform"]) {
      const response = await get(url + path);
      expect(response.headers["content-encoding"], path).toBe(path === "/encoded" ? "br" : undefined);
      expect(response.body.toString(), path).toBe(page);
    }
  });

  it("applies the status and headers given to writeHead", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, "Gone Fishing", { "content-type": "text/html", "content-length": Buffer.byteLength(page) });
      res.end(page);
    });
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(Number(response.headers["content-length"])).toBe(response.body.length);
    expect(gunzipSync(response.body).toString()).toBe(page);
  });

  it("streams a response that stays open, so its first part arrives before the rest is written", async () => {
    const pause = HOLD_MS * 6;
    const url = await serve((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.write(page);
      (res as unknown as { flush: () => void }).flush();
      setTimeout(() => res.end("<p>the rest</p>"), pause);
    });
    const response = await get(url);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["content-length"]).toBeUndefined();
    expect(response.firstBytesMs).toBeLessThan(pause);
    expect(gunzipSync(response.body).toString()).toBe(`${page}<p>the rest</p>`);
  });

  it("does not run ahead of a client that stops reading a streamed response", async () => {
    let produced = 0;
    let finished = false;
    const url = await serve(async (_req, res) => {
      res.setHeader("content-type", "text/plain");
      let drained: (() => void) | undefined;
      res.on("drain", () => drained?.());
      // Like Next.js: write a chunk, flush, and wait for "drain" when the write says the buffer is full.
      for (let i = 0; i < 400 && !res.destroyed; i += 1) {
        const ok = res.write(randomBytes(96 * 1024).toString("base64"));
        (res as unknown as { flush: () => void }).flush();
        produced += 128 * 1024;
        if (!ok) await new Promise<void>((resolve) => (drained = resolve));
      }
      finished = true;
      res.end();
    });
    const { port } = new URL(url);
    const socket = net.connect(Number(port), "127.0.0.1", () => {
      socket.write("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n");
      socket.pause();
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    socket.destroy();
    expect(finished).toBe(false);
    expect(produced).toBeLessThan(16 * 1024 * 1024); // 50 MB in 400 chunks if nothing held the writer back
  });

  it("streams a body larger than it holds", async () => {
    const big = Buffer.from("<li>partner</li>".repeat(Math.ceil((BUFFER_LIMIT * 1.5) / 16)));
    const url = await serve((_req, res) => {
      res.setHeader("content-type", "text/html");
      for (let i = 0; i < big.length; i += 64 * 1024) res.write(big.subarray(i, i + 64 * 1024));
      res.end();
    });
    const response = await get(url);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(response.body).equals(big)).toBe(true);
  });

  it("remembers compressed immutable files by address and ETag, never serving one file's bytes for another", async () => {
    const versions = [page, page.replace("Partners", "Advisers")]; // the same length
    let served = 0;
    const url = await serve((_req, res) => {
      const body = versions[served % 2] as string;
      served += 1;
      res.setHeader("content-type", "application/javascript");
      res.setHeader("cache-control", "public, max-age=31536000, immutable");
      res.setHeader("etag", `"v${served % 2}"`);
      res.end(body);
    });
    const bodies = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await get(url);
      expect(response.headers["content-encoding"]).toBe("gzip");
      bodies.push(gunzipSync(response.body).toString());
    }
    expect(served).toBe(4);
    expect(bodies).toEqual([versions[0], versions[1], versions[0], versions[1]]);
  });

  it("compresses pages at the fast level and immutable files, once, at the best", async () => {
    // Text that compresses differently at the two levels.
    const text = Array.from({ length: 3000 }, (_, i) => `<li data-i="${(i * 7919) % 1013}">Partner ${(i * 104729) % 997}</li>`).join("");
    const url = await serve((req, res) => {
      res.setHeader("content-type", "text/html");
      if (req.url === "/static") res.setHeader("cache-control", "public, max-age=31536000, immutable");
      res.end(text);
    });
    const fast = gzipSync(text, { level: DYNAMIC_LEVEL });
    const best = gzipSync(text, { level: IMMUTABLE_LEVEL });
    expect(best.length).toBeLessThan(fast.length);
    expect((await get(`${url}/page`)).body.length).toBe(fast.length);
    expect((await get(`${url}/static`)).body.length).toBe(best.length);
  });
});
