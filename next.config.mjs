/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server bundle for the container image.
  output: "standalone",
  // The Prisma driver adapter and pino load native or worker code at run time: keep them out of the bundle.
  serverExternalPackages: ["pino", "pino-pretty", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // The hand-written statements are read from prisma/sql at run time (lib/sql-files.ts).
  outputFileTracingIncludes: { "/**": ["./prisma/sql/*.sql"] },
  // Lets several checkouts' or developers' builds of the same tree live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // CI type-checks the whole project (tests and scripts too) with tsc before it builds, and says so with
  // this variable; every other build, the container image's among them, still checks types itself.
  typescript: { ignoreBuildErrors: process.env.BUILD_TYPES_CHECKED === "1" },
};

export default nextConfig;
