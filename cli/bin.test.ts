/** bin/wheelwright.mjs: the compiled bundle when it is current, else the sources with a one-line note. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** A copy of the bin beside a stand-in bundle that prints "bundle", built at `built` from one source file. */
function layout(built: number, sourceMtime: number) {
  const root = mkdtempSync(join(tmpdir(), "ww-bin-"));
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist", "cli"), { recursive: true });
  cpSync(join(import.meta.dirname, "..", "bin", "wheelwright.mjs"), join(root, "bin", "wheelwright.mjs"));
  writeFileSync(join(root, "dist", "cli", "wheelwright.mjs"), 'process.stdout.write("bundle\\n");\n');
  writeFileSync(join(root, "dist", "cli", "inputs.json"), JSON.stringify({ built, files: ["src.ts"] }));
  writeFileSync(join(root, "src.ts"), "");
  utimesSync(join(root, "src.ts"), sourceMtime / 1000, sourceMtime / 1000);
  return spawnSync(process.execPath, [join(root, "bin", "wheelwright.mjs"), "presets"], { encoding: "utf8" });
}

describe("bin/wheelwright.mjs", () => {
  const now = Date.now();
  it("runs the bundle when no source is newer than it", () => {
    const r = layout(now, now - 60_000);
    expect(r.stdout).toBe("bundle\n");
    expect(r.stderr).toBe("");
  });
  it("says in one line that a source changed, and falls back to the sources", () => {
    const r = layout(now - 60_000, now);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe("wheelwright: src.ts changed since dist/cli was built (npm run build:cli); running the TypeScript sources through tsx, slower to start");
  });
});
