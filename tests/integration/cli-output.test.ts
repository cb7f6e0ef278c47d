import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

/**
 * Operators pipe the CLIs into other tools (`npm run -s mailbox -- list --json | jq`). A pipe takes
 * output asynchronously, so a CLI that exits as soon as its work is done loses whatever the pipe had not
 * taken yet (about 64–128 KB on Linux): the listing must arrive whole.
 */
function runThroughPipe(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout }));
  });
}

describe("operator CLIs", () => {
  it("pipe a mailbox listing larger than 128 KB whole, as valid JSON", async () => {
    const body = "x".repeat(400);
    await db.emailMessage.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({
        to: `guest${i}@example.test`,
        kind: "confirmation",
        subject: `Booked ${i} ${body}`,
        html: "<p>Hi</p>",
        text: "Hi",
        transport: "mailbox",
        status: "SENT" as const,
      })),
    });
    const { code, stdout } = await runThroughPipe(["scripts/mailbox.ts", "list", "--json", "--limit", "1000"]);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(128 * 1024);
    const entries = JSON.parse(stdout) as unknown[];
    expect(entries).toHaveLength(600);
  }, 120_000);
});
