import { expect, test, type Page } from "@playwright/test";
import { generate } from "../lib/generate";
import { BuildSpecSchema, DEFAULT_SPEC } from "../lib/spec";
import { holdScripts, openWizard, previewText, showIntent, waitHydrated } from "./wizard-helpers";

// The page hydrates on the first sign of intent (lib/http/deferred-hydration.mjs, server/respond.mjs): before it,
// the server's HTML is the whole page and no framework script runs; what is done between the intent and React's
// arrival is handed to React (browser/pre-hydration-input.ts) instead of being lost.

/** Scripts from the build that the page has turned into real <script src> elements (i.e. run or about to). */
const runScripts = (page: Page) => page.locator('script[src*="/_next/static/"]').count();

test("without intent the page is complete and runs no framework script", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Wheelwright" })).toBeVisible();
  expect(await previewText(page)).toBe(generate(DEFAULT_SPEC).dockerfile);
  // Past the load event and the idle prefetch of the scripts (fetched, not run).
  await page.waitForFunction(() => document.readyState === "complete");
  await page.waitForTimeout(1500);
  expect(await runScripts(page)).toBe(0);
  await expect(page.locator("[data-ready]")).toHaveCount(0);
  const started = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => (e as PerformanceResourceTiming).initiatorType === "script").map((e) => e.name),
  );
  expect(started).toEqual([]);
  const prefetched = await page.evaluate(() => document.querySelectorAll('link[rel="prefetch"][href*="/_next/static/"]').length);
  expect(prefetched).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("a mouse moving over the page hydrates it", async ({ page }) => {
  await page.goto("/");
  await page.waitForTimeout(300);
  expect(await runScripts(page)).toBe(0);
  await showIntent(page);
  await waitHydrated(page);
  expect(await runScripts(page)).toBeGreaterThan(0);
});

test("a keyboard user's first Tab hydrates the page", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await waitHydrated(page);
});

test("what is typed, chosen and clicked before React has arrived is applied once it has", async ({ browser }) => {
  // A phone: the first touch is the intent.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const { release } = await holdScripts(page);
  await page.goto("/");
  const tab = page.getByRole("tab", { name: "requirements.txt" });
  await tab.tap();
  expect(await runScripts(page)).toBeGreaterThan(0); // requested, held by the test
  await expect(page.locator("[data-ready]")).toHaveCount(0);

  // Native controls work before hydration: the radio and the text field change at once.
  const python = page.getByRole("radio", { name: /^Python 3\.12\b/ });
  await python.check();
  const port = page.getByRole("textbox", { name: "Port" });
  await port.fill("9001");
  // A package name typed and entered before React arrived is added once it has.
  const addPackage = page.getByRole("combobox", { name: "Add a package" });
  await addPackage.fill("requests");
  await addPackage.press("Enter");
  await expect(tab).toHaveAttribute("aria-selected", "false"); // the tap is held, not lost

  release();
  await waitHydrated(page);
  await expect(tab).toHaveAttribute("aria-selected", "true");
  await expect(python).toBeChecked();
  await expect(port).toHaveValue("9001");
  await expect(page.getByRole("button", { name: "Remove requests" })).toBeVisible();
  await expect(addPackage).toHaveValue("");
  await page.getByRole("tab", { name: "Dockerfile" }).tap();
  const expected = BuildSpecSchema.parse({
    ...DEFAULT_SPEC,
    python: "3.12",
    packages: [...DEFAULT_SPEC.packages, { name: "requests" }],
    runtime: { ...DEFAULT_SPEC.runtime, port: 9001 },
  });
  await expect.poll(() => previewText(page), { timeout: 20_000 }).toBe(generate(expected).dockerfile);
  await expect.poll(() => new URL(page.url()).searchParams.get("port")).toBe("9001");
  await context.close();
});

test("a visitor with a stored draft sees it without having to do anything", async ({ page, context }) => {
  await openWizard(page);
  await page.getByRole("textbox", { name: "Port" }).fill("9002");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("wheelwright:draft:v1"))).toContain("9002");

  const again = await context.newPage();
  await again.goto("/");
  await waitHydrated(again);
  await expect(again.getByRole("textbox", { name: "Port" })).toHaveValue("9002");
  const expected = BuildSpecSchema.parse({ ...DEFAULT_SPEC, runtime: { ...DEFAULT_SPEC.runtime, port: 9002 } });
  await expect.poll(() => previewText(again), { timeout: 20_000 }).toBe(generate(expected).dockerfile);
});
