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
 * arrive and run, which on a busy two-core machine running two test workers can take seconds.
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

/**
 * Holds the build's scripts whose path `hold` picks until `release()` is called; `held` lists the ones requested
 * so far. (Playwright counts a held request as pending: release before the test ends.)
 */
export async function holdScripts(page: Page, hold: (path: string) => boolean = () => true) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route("**/_next/static/chunks/**", async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith(".js") && hold(path)) {
      held.push(path);
      await gate;
    }
    await route.continue().catch(() => {}); // the page may be gone by then
  });
  return { held, release };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** The text of a fragment of the server's HTML, as the browser's textContent would give it. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === "#" ? String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
    );
}

/** The inner HTML of the preview's <pre> in the server's HTML, or null. */
export function servedPreview(html: string): string | null {
  return /<pre[^>]*data-testid="preview-text"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? null;
}
