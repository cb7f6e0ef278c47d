import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// /proc reports CPU time in clock ticks; the tick rate is a kernel setting, so ask rather than assume 100.
let ticksPerSecond: number | undefined;

/**
 * CPU seconds (user + system) another process has used so far, from /proc/<pid>/stat (Linux). On a shared
 * machine this is the figure that compares across runs: wall-clock rates also count the time other
 * processes held the cores.
 */
export function processCpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which sits in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
