import { defineConfig, devices } from "@playwright/test";

// The e2e server: the built app (`next start`) on its own fresh embedded database with the demo data,
// on ports that do not collide with `npm run dev`.
const port = Number(process.env.E2E_PORT ?? 3100);
// Next rewrites 127.0.0.1 to localhost in request URLs; use localhost everywhere so redirects match.
const baseURL = `http://localhost:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  // Debian's Chromium: a Playwright browser download is not possible offline.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each demo account in once and saves its session (e2e/signed-in.ts), before any spec runs.
    { name: "setup", testMatch: /.*\.setup\.ts/, use: chromium },
    { name: "chromium", dependencies: ["setup"], use: chromium },
  ],
  webServer: {
    command: "tsx scripts/app.ts start --fresh",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      PGLITE_DATA_DIR: process.env.E2E_PGLITE_DATA_DIR ?? ".data/e2e",
      PGLITE_PORT: String(Number(process.env.E2E_PGLITE_PORT ?? 54331)),
      DATABASE_URL: "",
      // next-auth refuses to run under `next start` without these; a fixed secret is fine for a test server.
      AUTH_SECRET: "e2e-only-secret-e2e-only-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      // Production refuses the local mailbox unless it is chosen on purpose; the specs read it.
      MAIL_TRANSPORT: "mailbox",
      // The webhook spec's receiver listens on this machine.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      // The payments spec pays through the development test checkout (no Stripe offline).
      PAYMENTS_TEST_CHECKOUT: "true",
    },
  },
});
