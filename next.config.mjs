/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never disturb a running dev or prod server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Next.js gzips responses; COMPRESSION=0 leaves it to a reverse proxy that compresses (Caddy's `encode`,
  // nginx's `gzip`). `next start` reads this file when it starts, so no rebuild is needed.
  compress: process.env.COMPRESSION !== "0",
  // The build checks the app's own types; `npm test` type-checks everything, tests included.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  typedRoutes: false,
  async headers() {
    const common = [
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Content-Type-Options", value: "nosniff" },
    ];
    if (process.env.NODE_ENV === "production") {
      common.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    // Signed-in areas can never be framed: nobody can be tricked into clicking Accept & Authorize.
    // (proxy.ts also sends frame-ancestors 'none' in every page's Content-Security-Policy.)
    const noFraming = [{ key: "X-Frame-Options", value: "DENY" }];
    return [
      { source: "/:path*", headers: common },
      { source: "/admin/:path*", headers: noFraming },
      { source: "/partner/:path*", headers: noFraming },
    ];
  },
};

export default nextConfig;
