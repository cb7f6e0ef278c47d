import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Only the data layer talks to the database: everything else goes through lib/<domain>/data.ts (reads)
// and lib/<domain>/mutations.ts (writes), so queries, transactions and invariants live in one place.
const databaseImports = {
  group: ["@/lib/db", "**/lib/db", "@/lib/generated/prisma/*", "**/generated/prisma/*", "@prisma/client", "@prisma/client/*"],
  message: "Only lib/**/data.ts, lib/**/mutations.ts, lib/db.ts, prisma/ and scripts/ may use the Prisma client.",
  allowTypeImports: true,
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "bench-results/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [databaseImports] }],
      "no-console": "error",
    },
  },
  {
    files: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/db.ts", "prisma/**", "scripts/**", "tests/**", "e2e/**", "bench/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // Command-line tools talk to their operator on the terminal.
    files: ["scripts/**", "prisma/**", "bench/**", "tests/support/**"],
    rules: { "no-console": "off" },
  },
]);
