// Response compression for `npm start` (next.config.mjs sets `compress: false`, so Next.js leaves it to us).
//
// Next.js's own compression gzips each chunk it writes and flushes after every one: a page costs a
// deflate stream per response, several sync flushes and a write per chunk. Here a response is held
// until it ends (pages here render in a few milliseconds), then compressed in one call and sent in
// one write; a response that is still open HOLD_MS after its first byte, or grows past BUFFER_LIMIT,
// is streamed through gzip instead, flushing whenever Next.js flushes, so nothing that streams is
// held back. Immutable responses (hashed /_next/static files) are compressed once and remembered.
import zlib from "node:zlib";

/** Bodies smaller than this go out as they are: compressing them saves too little. */
export const MIN_BYTES = 1024;
/** A response larger than this is streamed through gzip rather than held. */
export const BUFFER_LIMIT = 1024 * 1024;
/** A response still open this long after its first write is streamed rather than held. */
export const HOLD_MS = 50;
const CACHE_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * Pages are compressed on every request at a fast level: level 3 costs half of zlib's default (6)
 * on a results page and sends about 7% more bytes. Immutable files are compressed once, at the best level.
 */
export const DYNAMIC_LEVEL = 3;
export const IMMUTABLE_LEVEL = 9;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|x-javascript)|image\/svg\+xml)/i;

/** Whether an Accept-Encoding header accepts gzip (honouring q=0 and `*`). */
export function acceptsGzip(header) {
  if (!header) return false;
  let gzip = null;
  let star = null;
  for (const part of String(header).split(",")) {
    const [rawToken = "", ...params] = part.toLowerCase().split(";");
    const token = rawToken.trim();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const accepted = Number.isFinite(q) && q > 0;
    if (token === "gzip" || token === "x-gzip") gzip = accepted;
    else if (token === "*") star = accepted;
  }
  return gzip ?? star ?? false;
}

/** Compressed immutable responses by URL, oldest first out (a Map keeps insertion order). */
const immutableCache = new Map();
let immutableCacheBytes = 0;

function remember(key, body) {
  if (body.length > CACHE_LIMIT_BYTES / 8) return;
  immutableCache.set(key, body);
  immutableCacheBytes += body.length;
  for (const [oldKey, old] of immutableCache) {
    if (immutableCacheBytes <= CACHE_LIMIT_BYTES) break;
    immutableCache.delete(oldKey);
    immutableCacheBytes -= old.length;
  }
}

/** Forgets remembered immutable responses (tests). */
export function clearCompressionCache() {
  immutableCache.clear();
  immutableCacheBytes = 0;
}

function addVary(res) {
  const vary = res.getHeader("vary");
  const values = (Array.isArray(vary) ? vary.join(",") : String(vary ?? "")).split(",").map((v) => v.trim().toLowerCase());
  if (values.includes("accept-encoding") || values.includes("*")) return;
  res.setHeader("vary", vary ? `${Array.isArray(vary) ? vary.join(", ") : vary}, Accept-Encoding` : "Accept-Encoding");
}

const isEmpty = (chunk) => chunk === undefined || chunk === null || chunk.length === 0;

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Makes `res` compress what is written to it when `req` accepts gzip. Call before handing both to Next.js.
 * Headers stay unsent until the body is known (or streaming starts), so the encoding can still be chosen.
 */
export function compressResponses(req, res) {
  const accepts = req.method !== "HEAD" && acceptsGzip(req.headers["accept-encoding"]);
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  /** "undecided" until the first byte; then "pass" (untouched), "hold" (buffered) or "stream" (through gzip). */
  let mode = "undecided";
  const held = [];
  let heldBytes = 0;
  let timer = null;
  let gzip = null;
  let flushedHeaders = false;

  const restore = () => Object.assign(res, original);

  const decide = () => {
    const status = res.statusCode;
    const type = String(res.getHeader("content-type") ?? "");
    const encoding = String(res.getHeader("content-encoding") ?? "identity").toLowerCase();
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    const compressible =
      COMPRESSIBLE.test(type) && status >= 200 && status !== 204 && status !== 206 && status !== 304 && encoding === "identity" &&
      !res.getHeader("content-range") && !/\bno-transform\b/i.test(cacheControl);
    if (compressible) addVary(res);
    if (!compressible || !accepts) {
      mode = "pass";
      restore();
      if (flushedHeaders) res.flushHeaders();
      return;
    }
    mode = "hold";
    timer = setTimeout(startStreaming, HOLD_MS);
    timer.unref?.();
  };

  const setGzipHeaders = () => {
    res.removeHeader("content-length");
    res.setHeader("content-encoding", "gzip");
  };

  function startStreaming() {
    if (mode !== "hold") return;
    mode = "stream";
    clearTimeout(timer);
    res.writeHead = original.writeHead; // Node.js sends the headers through it
    setGzipHeaders();
    gzip = zlib.createGzip({ level: DYNAMIC_LEVEL });
    // Backpressure both ways: gzip pauses while the socket is full, and the socket's "drain" reaches
    // the writer (Next.js waits for it) only once gzip can take more input, so a client that reads
    // slowly never makes the server hold the rest of the response in memory.
    const emit = res.emit;
    gzip.on("data", (chunk) => {
      if (!original.write.call(res, chunk)) gzip.pause();
    });
    gzip.on("drain", () => emit.call(res, "drain"));
    res.emit = function emitDrainWhenGzipCanTakeMore(event, ...args) {
      if (event === "drain") {
        gzip.resume();
        if (gzip.writableNeedDrain) return false;
      }
      return emit.call(this, event, ...args);
    };
    for (const chunk of held.splice(0)) gzip.write(chunk);
    heldBytes = 0;
    gzip.flush(zlib.constants.Z_SYNC_FLUSH);
  }

  const finishHeld = (callback) => {
    clearTimeout(timer);
    const body = held.length === 1 ? held[0] : Buffer.concat(held, heldBytes);
    held.length = 0;
    restore();
    if (body.length < MIN_BYTES) {
      res.setHeader("content-length", body.length);
      return original.end.call(res, body, callback);
    }
    const immutable = res.statusCode === 200 && /\bimmutable\b/i.test(String(res.getHeader("cache-control") ?? ""));
    const key = immutable ? `${req.url}\n${res.getHeader("etag") ?? ""}\n${body.length}` : null;
    let compressed = key ? immutableCache.get(key) : undefined;
    if (!compressed) {
      compressed = zlib.gzipSync(body, { level: key ? IMMUTABLE_LEVEL : DYNAMIC_LEVEL });
      if (key) remember(key, compressed);
    }
    setGzipHeaders();
    res.setHeader("content-length", compressed.length);
    return original.end.call(res, compressed, callback);
  };

  // Headers given to writeHead are applied as ordinary headers, so they can still change before sending.
  res.writeHead = function writeHead(statusCode, reason, headers) {
    if (mode === "pass") return original.writeHead.apply(res, arguments);
    res.statusCode = statusCode;
    let fields = headers;
    if (typeof reason === "string") res.statusMessage = reason;
    else fields = reason;
    if (Array.isArray(fields)) {
      const pairs = Array.isArray(fields[0]) ? fields : fields.flatMap((_, i) => (i % 2 === 0 ? [[fields[i], fields[i + 1]]] : []));
      for (const [name, value] of pairs) res.setHeader(name, value);
    } else if (fields) {
      for (const [name, value] of Object.entries(fields)) if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  };

  res.flushHeaders = function flushHeaders() {
    if (mode === "pass") return original.flushHeaders.call(res);
    flushedHeaders = true; // sent with the body, once its encoding is known
  };

  // Next.js flushes after each chunk it writes when the response has `flush` (as the compression middleware adds).
  res.flush = function flush() {
    if (mode === "stream") gzip.flush(zlib.constants.Z_SYNC_FLUSH);
  };

  res.write = function write(chunk, encoding, callback) {
    if (mode === "undecided") decide();
    if (mode === "pass") return original.write.apply(res, arguments);
    const cb = typeof encoding === "function" ? encoding : callback;
    if (isEmpty(chunk)) {
      if (cb) process.nextTick(cb);
      return true;
    }
    const buffer = toBuffer(chunk, encoding);
    if (mode === "hold") {
      held.push(buffer);
      heldBytes += buffer.length;
      if (cb) process.nextTick(cb);
      if (heldBytes > BUFFER_LIMIT) startStreaming();
      return true;
    }
    return gzip.write(buffer, cb);
  };

  res.end = function end(chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (mode === "undecided") {
      if (isEmpty(chunk)) {
        restore();
        return res.end(callback);
      }
      decide();
    }
    if (mode === "pass") return original.end.call(res, chunk, encoding, callback);
    if (!isEmpty(chunk)) res.write(chunk, encoding);
    if (mode === "hold") return finishHeld(callback);
    gzip.once("end", () => original.end.call(res, callback));
    gzip.end();
    return res;
  };

  res.once("close", () => {
    clearTimeout(timer);
    if (gzip && !res.writableFinished) gzip.destroy();
  });
}
