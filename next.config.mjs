/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never disturb a running dev or prod server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    const common = [
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Content-Type-Options", value: "nosniff" },
    ];
    // Signed-in areas can never be framed: nobody can be tricked into clicking Accept & Authorize.
    const noFraming = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
    ];
    return [
      { source: "/:path*", headers: common },
      { source: "/admin/:path*", headers: noFraming },
      { source: "/partner/:path*", headers: noFraming },
    ];
  },
};

export default nextConfig;
