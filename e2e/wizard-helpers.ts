import { expect, type Page } from "@playwright/test";

/**
 * Opens the wizard and waits until it is hydrated (and any stored draft applied). The page hydrates on the first
 * sign of intent (lib/http/deferred-hydration.mjs): here, the mouse moving over it, as a desktop visitor's does.
 */
export async function openWizard(page: Page, path = "/") {
  await page.goto(path);
  await showIntent(page);
  await waitHydrated(page);
}

/**
 * Waits for React to have hydrated the page (`data-ready`). Generous: after the intent the scripts still have to
 * arrive and run, which on a busy two-core machine running two test workers has taken over five seconds.
 */
export async function waitHydrated(page: Page) {
  await expect(page.locator("[data-ready]")).toBeAttached({ timeout: 20_000 });
}

/** Moves the mouse over the page: the intent that makes it hydrate. */
export async function showIntent(page: Page) {
  await page.mouse.move(5, 5);
  await page.mouse.move(8, 8);
}

/** The exact text of the file shown in the preview. */
export async function previewText(page: Page): Promise<string> {
  return (await page.getByTestId("preview-text").textContent()) ?? "";
}
