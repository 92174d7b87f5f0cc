import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hoverPreviewForMonaco } from "./preview-helpers";
import { openWizard, previewText } from "./wizard-helpers";

const SHOTS = "test-results/screenshots";
const WIDTHS = [390, 1440] as const;

async function expectNoViolations(page: Page) {
  // Legacy mode runs axe in the page itself. The default mode finishes each run in a new blank page, which costs
  // seconds, and only matters for cross-origin frames: the page has no frames at all.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).setLegacyMode().analyze();
  // Each rule with its first nodes and why they fail (e.g. the measured contrast ratio).
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.slice(0, 8).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

/** The main states, in order on one page (each starts from the one before), each checked with axe and photographed. */
const STATES: { name: string; setup: (page: Page) => Promise<void> }[] = [
  { name: "default", setup: async () => {} },
  {
    name: "preset-warnings",
    setup: async (page) => {
      await page.getByRole("button", { name: "Use preset Flask web app on Alpine with --prefix" }).click();
      await expect(page.getByRole("heading", { name: /^Warnings/ })).toBeVisible();
    },
  },
  {
    name: "invalid",
    setup: async (page) => {
      await page.getByRole("textbox", { name: "Port" }).fill("99999");
      await expect(page.getByText(/^Out of date/)).toBeVisible();
    },
  },
];

// One test per scheme and width (the slow part is loading the page and Monaco, so the three states share one
// page); they are the suite's longest tests, which is why this file's name sorts first: the workers start with them.
for (const scheme of ["light", "dark"] as const) {
  for (const width of WIDTHS) {
    test(`${scheme} scheme at ${width} px: ${STATES.map((s) => s.name).join(", ")}: no axe violations; screenshots`, async ({ browser }) => {
      test.slow(); // three states, each analysed and photographed
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, colorScheme: scheme, viewport: { width, height: width < 800 ? 844 : 900 } });
      const page = await context.newPage();
      await openWizard(page);
      // The page as it loads, where the server-rendered <pre> is the preview until someone shows intent to use it
      // (on a phone it is far below, and the same <pre>).
      if (width > 800) await expectNoViolations(page);
      // Then as users get it once they use the preview: the pointer over it swaps in the editor; the pointer
      // then leaves (no note box over the text).
      await hoverPreviewForMonaco(page);
      await page.mouse.move(0, 0);
      for (const state of STATES) {
        await state.setup(page);
        await page.screenshot({ path: `${SHOTS}/${state.name}-${scheme}-${width}.png`, fullPage: width < 800 });
        if (width > 800) {
          await page.locator("#dependencies").scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/${state.name}-${scheme}-${width}-dependencies.png` });
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        await expectNoViolations(page);
      }
      await context.close();
    });
  }
}

test("keyboard only: focus is visible, radios move with the arrow keys", async ({ page }) => {
  await openWizard(page);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    await expect(focused).toBeVisible();
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  }
  await page.getByRole("radio", { name: /^Python 3\.14\b/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^Python 3\.13\b/ })).toBeChecked();
  await expect.poll(() => previewText(page)).toContain("FROM python:3.13-slim-trixie AS builder");
});
