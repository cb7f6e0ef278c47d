/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server bundle for the container image.
  output: "standalone",
  // The Prisma driver adapter and pino load native or worker code at run time: keep them out of the bundle.
  serverExternalPackages: ["pino", "pino-pretty", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
