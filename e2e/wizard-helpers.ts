import { expect, type Page } from "@playwright/test";

/** Opens the wizard and waits until it is hydrated (and any stored draft applied). */
export async function openWizard(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.locator("[data-ready]")).toBeAttached();
}

/** The exact text of the file shown in the preview. */
export async function previewText(page: Page): Promise<string> {
  return (await page.getByTestId("preview-text").textContent()) ?? "";
}
