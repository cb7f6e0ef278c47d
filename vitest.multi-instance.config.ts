import { defineConfig } from "vitest/config";

// Not part of `npm test`: it needs PostgreSQL and a production build, and starts two servers
// (`npm run test:multi-instance`; CI runs it after the end-to-end build, reusing it).
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: "multi-instance",
    include: ["tests/multi-instance/**/*.test.ts"],
    environment: "node",
    // One file, and its checks share the two servers: in order, one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    // beforeAll may build the app first (several minutes on a busy 2-core machine).
    hookTimeout: 600_000,
  },
});
