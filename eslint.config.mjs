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

// Who may do what is decided in one table (lib/auth/permissions.ts): a role compared anywhere else is a
// door that the authorization matrix cannot see.
const ROLE_CHECK = "Ask the permission table (can / actorCan / requirePermission in lib/auth) instead of comparing roles.";
const COMPARISON = "BinaryExpression[operator=/^[!=]==?$/]";
const roleComparisons = [
  `${COMPARISON} > MemberExpression[property.name="role"]`,
  `${COMPARISON} > Identifier[name="role"]`,
  `${COMPARISON} > Literal[value=/^(CUSTOMER|STYLIST|FRONT_DESK|ADMIN|STAFF)$/]`,
  'CallExpression[callee.property.name="includes"] > MemberExpression[property.name="role"]',
  'SwitchStatement > MemberExpression.discriminant[property.name="role"]',
].map((selector) => ({ selector, message: ROLE_CHECK }));

// The module map (docs/ARCHITECTURE.md) as import rules. Paths are the resolved files, so `@/…` aliases and
// relative imports are judged alike.
const DOMAIN_FREE_LIB = ["./time", "./format.ts", "./action-state.ts"];
const DATA_LAYER = ["./lib/**/data.ts", "./lib/**/mutations.ts"];
const boundaryZones = [
  {
    target: "./components",
    from: "./lib",
    except: DOMAIN_FREE_LIB,
    message:
      "components/ is UI that does not know the domain: take data as props, or move the component next to its route (app/**/_components).",
  },
  {
    target: ["./lib", "./components", "./emails"],
    from: ["./app", "./inngest"],
    message: "Routes and Inngest adapters depend on lib/, never the other way round.",
  },
  {
    target: "./emails",
    from: ["./components"],
    message: "Email templates use React Email components only: web UI does not render in mail clients.",
  },
  {
    target: ["./components/**", "./emails/**", "./lib/**/schema.ts"],
    from: DATA_LAYER,
    message: "data.ts and mutations.ts are server-only: only actions, routes, jobs and other cores import them (schemas stay isomorphic).",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "bench-results/**",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [databaseImports] }],
      "no-console": "error",
      "no-restricted-syntax": ["error", ...roleComparisons],
    },
  },
  {
    // Type-aware rules for the promises the type-checker can see: a dropped or misplaced promise is a
    // lost error (an unhandled rejection) or a check that always passes (a promise is always truthy).
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // The cycle check follows imports through the project only: parsing packages and the generated Prisma
    // client (which import nothing of ours) would triple the lint time and find nothing.
    settings: { "import/ignore": ["node_modules", "lib/generated/"] },
    rules: {
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: boundaryZones }],
      // A cycle means two modules that cannot be understood, tested or moved apart; type-only imports are exempt.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["lib/auth/permissions.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/db.ts", "prisma/**", "scripts/**", "tests/**", "e2e/**", "bench/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // The data layer's SQL text in a module of its own (Prisma.sql only, no client), shared with the
    // bench's bare-pg baseline so the data layer does not export its statements for it.
    files: ["lib/**/*-sql.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // Command-line tools talk to their operator on the terminal.
    files: ["scripts/**", "prisma/**", "bench/**", "tests/support/**"],
    rules: { "no-console": "off" },
  },
]);
