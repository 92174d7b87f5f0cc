#!/usr/bin/env node
/**
 * Before the browser tests (npm run test:e2e): a Chromium must be there. The distribution's (/usr/bin/chromium,
 * which playwright.config.ts prefers) or Playwright's own; when neither is, this installs Playwright's
 * (`npx playwright install chromium`), and if that fails, exits 1 with one line naming the command to run.
 * WHEELWRIGHT_SYSTEM_CHROMIUM overrides the system path (the test of this script points it nowhere).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const systemChromium = process.env.WHEELWRIGHT_SYSTEM_CHROMIUM ?? "/usr/bin/chromium";
const INSTALL = ["npx", "playwright", "install", "chromium"];

function found() {
  if (existsSync(systemChromium)) return systemChromium;
  const own = chromium.executablePath();
  return own && existsSync(own) ? own : undefined;
}

if (!found()) {
  console.log(`==> no Chromium at ${systemChromium} nor Playwright's: ${INSTALL.join(" ")}`);
  const r = spawnSync(INSTALL[0], INSTALL.slice(1), { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0 || !found()) {
    console.error(`e2e: no Chromium for the browser tests and installing one failed; run: ${INSTALL.join(" ")} (or apt-get install chromium)`);
    process.exit(1);
  }
}
