/**
 * CLI start time against a bare Node start, as paired runs: each round starts `node -e 0` and then each CLI
 * command once, so a burst of load on the machine lands on both sides of a pair. Prints the medians and the
 * ratio per command; the target is at most 3× a bare start.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = "bin/wheelwright.mjs";
export const START_TARGET = 3;

export const CLI_COMMANDS: string[][] = [["presets"], ["render", "--preset", "django-postgres"], ["explain", "psycopg2"]];

function timeRun(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface StartRow {
  command: string;
  bareMs: number;
  cliMs: number;
  ratio: number;
}

export function measureCliStart(rounds = 15): StartRow[] {
  const bare: number[][] = CLI_COMMANDS.map(() => []);
  const cli: number[][] = CLI_COMMANDS.map(() => []);
  for (let i = 0; i < rounds + 1; i++) {
    CLI_COMMANDS.forEach((cmd, j) => {
      const b = timeRun(["-e", "0"]);
      const c = timeRun([BIN, ...cmd]);
      if (i > 0) {
        // round 0 warms the file cache
        bare[j].push(b);
        cli[j].push(c);
      }
    });
  }
  return CLI_COMMANDS.map((cmd, j) => {
    const bareMs = median(bare[j]);
    const cliMs = median(cli[j]);
    return { command: `wheelwright ${cmd.join(" ")}`, bareMs, cliMs, ratio: cliMs / bareMs };
  });
}

export function printCliStart(rows: StartRow[]): void {
  if (!existsSync(new URL("../dist/cli/wheelwright.mjs", import.meta.url))) {
    console.log("CLI start: dist/cli is not built, so this times the tsx fallback (npm run build:cli)");
  }
  const width = Math.max(...rows.map((r) => r.command.length));
  console.log(`\n${"CLI start (paired runs, medians)".padEnd(width)}  ${"node -e 0".padStart(10)}  ${"cli".padStart(10)}  ${"ratio".padStart(6)}  target`);
  for (const r of rows) {
    const over = r.ratio > START_TARGET ? " OVER" : "";
    console.log(`${r.command.padEnd(width)}  ${`${r.bareMs.toFixed(1)} ms`.padStart(10)}  ${`${r.cliMs.toFixed(1)} ms`.padStart(10)}  ${`${r.ratio.toFixed(2)}×`.padStart(6)}  ≤ ${START_TARGET}×${over}`);
  }
}
