import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "db/migrations/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Apostrophes in copy are text, not a mistake.
      "react/no-unescaped-entities": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

/**
 * The layers, enforced: routes (app/) → domain (lib/) → data (db/). The data layer imports nothing
 * of the app; components receive data as props (they may import server actions and pure helpers,
 * and any type); emails are pure templates; the demo data (seed/) sits on top and nothing imports it.
 */
const restrict = (files, patterns) => ({
  files,
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns.map((p) => ({ allowTypeImports: true, ...p })) }] },
});
const SEED = { group: ["@/seed/*", "@/seed/**"], message: "Only scripts and tests use the demo data." };

config.push(
  restrict(["db/**"], [{ group: ["@/lib/**", "@/components/**", "@/app/**", "@/emails/**", "@/seed/**"], allowTypeImports: false, message: "db/ is the data layer: it imports nothing of the app." }]),
  restrict(["lib/**"], [{ group: ["@/components/**", "@/app/**"], message: "The domain does not reach up into pages or components." }]),
  // The server's start (migrations, and the demo data on a new embedded database) is the one exception.
  { ...restrict(["lib/**"], [{ group: ["@/components/**", "@/app/**"], message: "The domain does not reach up into pages or components." }, SEED]), ignores: ["lib/server-start.ts"] },
  restrict(
    ["components/**"],
    [
      { group: ["@/db/**", "@/lib/*/queries", "@/lib/*/service", "@/lib/authz", "@/lib/context", "@/lib/email/**"], message: "Components receive data as props: the page or layout reads it." },
      { group: ["@/app/**"], message: "Components do not import routes." },
      SEED,
    ],
  ),
  restrict(["emails/**"], [{ group: ["@/db/**", "@/lib/**", "@/components/**", "@/app/**", "@/seed/**"], message: "Emails are pure templates: everything they show comes in as props." }]),
  restrict(["app/**"], [{ group: ["@/db/schema", "@/db/migrator"], message: "Pages ask the domain (lib/); only getDb is handed down from here." }, SEED]),
);

export default config;
