import { defineConfig } from "prisma/config";

// DATABASE_URL is filled in by the npm scripts (the embedded database when unset), so a plain read is
// enough here; `prisma generate` needs no database at all.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db-seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
