/** @type {import('next').NextConfig} */
const nextConfig = {
  // The browser tests build into their own folder so they never disturb a running dev or prod server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
