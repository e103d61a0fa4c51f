import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Modules marked `import "server-only"` run here as on the server: the marker resolves to the
 * package's empty module, as it does under React's server condition (Next.js does the same for
 * server code; node-server.mjs for tsx scripts).
 */
const serverOnly = path.join(path.dirname(createRequire(import.meta.url).resolve("server-only")), "empty.js");

const alias = [
  { find: "@", replacement: path.resolve(import.meta.dirname) },
  { find: /^server-only$/, replacement: serverOnly },
];

// next-auth imports "next/server" without an extension; inlining lets Vite resolve it.
const server = { deps: { inline: ["next-auth", "@auth/core"] } };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", server },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          server,
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/integration/setup.ts"],
          // One database per worker process, reset between tests; files share the process.
          pool: "forks",
          isolate: false,
          maxWorkers: 1,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
