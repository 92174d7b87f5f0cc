/**
 * The preview loads Monaco only on intent (components/preview/dockerfile-preview.tsx): the pointer over it, a touch
 * on it, keyboard focus in it, or the first edit of the spec. Tests that need the editor show intent as a user would.
 */
import { expect, type Page } from "@playwright/test";

/** Monaco's chunk, recognised by its content (chunk names are hashes). */
export const MONACO_CHUNK_MARKER = "editorWorkerService";

/** Waits until Monaco has replaced the <pre> (`data-editor="monaco"` and the editor visible). */
export async function waitForMonaco(page: Page) {
  await expect(page.getByRole("tabpanel")).toHaveAttribute("data-editor", "monaco", { timeout: 30_000 });
  await expect(page.locator(".monaco-editor")).toBeVisible();
}

/** Moves the pointer over the preview's text (the intent a mouse user shows) and waits for Monaco. */
export async function hoverPreviewForMonaco(page: Page) {
  await page.locator("[data-editor]").hover({ position: { x: 200, y: 100 } });
  await waitForMonaco(page);
}
