import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

const PORT = Number(process.env.E2E_PORT) || 3107;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  reporter: "list",
  workers: 2,
  // Every test has its own browser context and the server keeps no state, so any two can run side by side: the
  // workers share out the tests of a file too (a file's tests kept to one worker would leave the other idle).
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  use: {
    baseURL: BASE_URL,
    headless: true,
    launchOptions: {
      // Prefer the distribution's Chromium (Debian: apt-get install chromium);
      // otherwise fall back to Playwright's own browser (npx playwright install chromium).
      executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    // The production server with its request guard (server/main.mjs), as `npm start` and the Docker image run it.
    command: `node server/main.mjs -p ${PORT} -H 127.0.0.1`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
