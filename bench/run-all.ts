import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, freemem, platform, release, totalmem } from "node:os";
import { join } from "node:path";

/**
 * `npm run bench`: runs every `bench:*` npm script, keeps each one's final JSON line, and writes
 * bench-results/latest.json and latest.md with a description of the machine, so figures are never quoted
 * without the hardware they came from. The expected benches are reported as missing when a script is
 * absent, and as failed when it exits non-zero or prints no JSON, instead of stopping the run.
 */

const EXPECTED = ["availability", "api", "email"];
const OUTPUT_DIR = "bench-results";

type BenchOutcome =
  | { bench: string; status: "ok"; seconds: number; result: Record<string, unknown> }
  | { bench: string; status: "failed"; seconds: number; exitCode: number | null; error: string }
  | { bench: string; status: "missing" };

function machine() {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
    database: process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite (per bench default)",
  };
}

/** Runs `npm run <script>`, echoing its output live and returning the last line that parses as JSON. */
function runScript(script: string): Promise<{ exitCode: number | null; json?: Record<string, unknown>; tail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      stdout += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const lines = stdout.trim().split("\n").reverse();
      let json: Record<string, unknown> | undefined;
      for (const line of lines) {
        try {
          const parsed: unknown = JSON.parse(line.trim());
          if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
          break;
        } catch {
          continue;
        }
      }
      resolve({ exitCode, json, tail: lines.slice(0, 5).reverse().join("\n") });
    });
  });
}

async function benchScripts(): Promise<string[]> {
  const pkg = JSON.parse(await readFile("package.json", "utf8")) as { scripts?: Record<string, string> };
  return Object.keys(pkg.scripts ?? {}).filter((name) => name.startsWith("bench:"));
}

async function runAll(): Promise<BenchOutcome[]> {
  const scripts = await benchScripts();
  const names = [...new Set([...EXPECTED, ...scripts.map((script) => script.slice("bench:".length))])];
  const outcomes: BenchOutcome[] = [];
  for (const bench of names) {
    if (!scripts.includes(`bench:${bench}`)) {
      console.log(`\n=== bench:${bench} — missing (no npm script)`);
      outcomes.push({ bench, status: "missing" });
      continue;
    }
    console.log(`\n=== bench:${bench}`);
    const started = performance.now();
    const { exitCode, json, tail } = await runScript(`bench:${bench}`);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (exitCode === 0 && json) outcomes.push({ bench, status: "ok", seconds, result: json });
    else
      outcomes.push({
        bench,
        status: "failed",
        seconds,
        exitCode,
        error: json ? "non-zero exit" : `no JSON result line; last output:\n${tail}`,
      });
  }
  return outcomes;
}

function markdown(report: { generatedAt: string; machine: ReturnType<typeof machine>; benches: BenchOutcome[] }): string {
  const { machine: m } = report;
  const lines = [
    "# Benchmark results",
    "",
    `Generated ${report.generatedAt} by \`npm run bench\`.`,
    "",
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory (${m.freeMemoryGiB} GiB free), Node ${m.node}, ${m.platform}; database: ${m.database}.`,
    "",
    "| bench | status | seconds | result |",
    "| --- | --- | --- | --- |",
  ];
  for (const outcome of report.benches) {
    const result =
      outcome.status === "ok"
        ? `\`${JSON.stringify(outcome.result)}\``
        : outcome.status === "failed"
          ? outcome.error.split("\n")[0]
          : "no npm script";
    lines.push(`| ${outcome.bench} | ${outcome.status} | ${"seconds" in outcome ? outcome.seconds : ""} | ${result} |`);
  }
  return `${lines.join("\n")}\n`;
}

const benches = await runAll();
const report = { generatedAt: new Date().toISOString(), machine: machine(), benches };
await mkdir(OUTPUT_DIR, { recursive: true });
await writeFile(join(OUTPUT_DIR, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(join(OUTPUT_DIR, "latest.md"), markdown(report));
console.log(`\n${markdown(report)}`);
console.log(`Wrote ${OUTPUT_DIR}/latest.json and ${OUTPUT_DIR}/latest.md`);
// Missing benches are recorded, not fatal; a bench that ran and failed is.
process.exitCode = benches.some((outcome) => outcome.status === "failed") ? 1 : 0;
