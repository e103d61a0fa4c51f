// Client JavaScript per route of the production build: each route is loaded from the running server (signed in
// where it needs it) and every JavaScript file its HTML makes the browser fetch — `<script src>` and
// `<link rel="preload" as="script">` / `modulepreload` — is fetched once and gzipped (zlib level 6, what
// servers and CDNs typically send; 1 kB = 1,000 bytes). Chunks a page loads later on interaction are not counted.
import { gzipSync } from "node:zlib";

export interface RouteTarget {
  /** The route as the build names it, e.g. `/admin/invitations/[token]`. */
  route: string;
  /** The URL fetched for it. */
  path: string;
  cookie?: string;
}

export interface RouteBundle {
  route: string;
  path: string;
  status: number;
  title: string;
  htmlBytes: number;
  htmlGzip: number;
  scripts: string[];
  jsBytes: number;
  jsGzip: number;
  /** Chunks no other measured route loads. */
  ownGzip: number;
}

export interface BundleReport {
  routes: RouteBundle[];
  /** Chunks every measured route loads (framework, React, the root layout). */
  shared: { chunks: number; gzip: number; bytes: number };
  chunks: Record<string, { bytes: number; gzip: number }>;
}

function decode(text: string): string {
  return text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
}

/**
 * Script URLs a current browser fetches for the page, in document order, each once. `<script nomodule>` (the
 * polyfills for browsers without module support) is skipped: modern browsers never download it.
 */
export function scriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    const tag = match[0];
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src && !/\bnomodule\b/i.test(tag)) urls.push(decode(src));
  }
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/\brel="modulepreload"/.test(tag) || (/\brel="preload"/.test(tag) && /\bas="script"/.test(tag))) urls.push(decode(href));
  }
  return [...new Set(urls.filter((u) => !/^(https?:)?\/\//.test(u) || u.includes("/_next/")))];
}

export async function measureBundles(origin: string, targets: RouteTarget[]): Promise<BundleReport> {
  const chunks: BundleReport["chunks"] = {};
  const routes: RouteBundle[] = [];
  for (const target of targets) {
    const response = await fetch(origin + target.path, {
      redirect: "manual",
      headers: { accept: "text/html", ...(target.cookie ? { cookie: target.cookie } : {}) },
    });
    const html = await response.text();
    const scripts = response.status === 200 ? scriptUrls(html) : [];
    for (const src of scripts) {
      if (chunks[src]) continue;
      const file = await fetch(new URL(src, origin), { headers: { "accept-encoding": "identity" } });
      const body = Buffer.from(await file.arrayBuffer());
      if (file.status !== 200) throw new Error(`${src} (loaded by ${target.path}) answered ${file.status}`);
      chunks[src] = { bytes: body.length, gzip: gzipSync(body, { level: 6 }).length };
    }
    routes.push({
      route: target.route,
      path: target.path,
      status: response.status,
      title: decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ""),
      htmlBytes: Buffer.byteLength(html),
      htmlGzip: gzipSync(Buffer.from(html), { level: 6 }).length,
      scripts,
      jsBytes: scripts.reduce((sum, s) => sum + (chunks[s]?.bytes ?? 0), 0),
      jsGzip: scripts.reduce((sum, s) => sum + (chunks[s]?.gzip ?? 0), 0),
      ownGzip: 0,
    });
  }
  const measured = routes.filter((r) => r.status === 200);
  const sharedChunks = Object.keys(chunks).filter((src) => measured.every((r) => r.scripts.includes(src)));
  for (const route of measured) {
    route.ownGzip = route.scripts.filter((s) => measured.filter((r) => r.scripts.includes(s)).length === 1).reduce((sum, s) => sum + (chunks[s]?.gzip ?? 0), 0);
  }
  return {
    routes,
    shared: {
      chunks: sharedChunks.length,
      gzip: sharedChunks.reduce((sum, s) => sum + (chunks[s]?.gzip ?? 0), 0),
      bytes: sharedChunks.reduce((sum, s) => sum + (chunks[s]?.bytes ?? 0), 0),
    },
    chunks,
  };
}
