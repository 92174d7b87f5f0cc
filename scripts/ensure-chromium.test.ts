import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = join(import.meta.dirname, "ensure-chromium.mjs");

/** Runs the script on a machine without either Chromium, with `npx` replaced by a fake that logs and exits `status`. */
function withoutChromium(npxStatus: number) {
  const dir = mkdtempSync(join(tmpdir(), "ww-chromium-"));
  const log = join(dir, "npx.log");
  writeFileSync(join(dir, "npx"), `#!/bin/sh\necho "$@" >> ${log}\nexit ${npxStatus}\n`);
  chmodSync(join(dir, "npx"), 0o755);
  const r = spawnSync(process.execPath, [SCRIPT], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, WHEELWRIGHT_SYSTEM_CHROMIUM: join(dir, "no-chromium"), PLAYWRIGHT_BROWSERS_PATH: join(dir, "browsers") },
  });
  let calls = "";
  try {
    calls = readFileSync(log, "utf8");
  } catch {}
  return { ...r, calls };
}

describe("ensure-chromium (before the browser tests)", () => {
  it("passes quietly when a Chromium is there", () => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8", env: { ...process.env, WHEELWRIGHT_SYSTEM_CHROMIUM: process.execPath } });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
  });
  it("installs Playwright's Chromium when neither is present", () => {
    const r = withoutChromium(1);
    expect(r.calls.trim()).toBe("playwright install chromium");
  });
  it("fails in one line naming the command when the install fails", () => {
    const r = withoutChromium(1);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/run: npx playwright install chromium/);
  });
  it("fails the same way when the installer says it worked but no browser appeared", () => {
    const r = withoutChromium(0);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^e2e: .*run: npx playwright install chromium/);
  });
});
