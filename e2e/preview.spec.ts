/**
 * Journey: reading the generated files in the preview (components/preview/), on the wizard page.
 * Server-rendered highlighted <pre> first, a complete preview on its own; Monaco is loaded only on intent (the
 * pointer over the preview, a touch on it, keyboard focus in it, the first edit of the spec) and swapped in without
 * layout shift, from the app's own origin.
 */
import { expect, test, type Page, type Route } from "@playwright/test";
import { generate } from "../lib/generate";
import { presetById, presetSpec } from "../lib/presets";
import { renderCompose } from "../lib/render/compose";
import { DEFAULT_SPEC } from "../lib/spec";
import { hoverPreviewForMonaco, MONACO_CHUNK_MARKER, waitForMonaco } from "./preview-helpers";
import { htmlText, servedPreview, showIntent, waitHydrated } from "./wizard-helpers";

const main = generate(DEFAULT_SPEC);
const otherPreset = presetById("django-postgres")!;
const other = generate(presetSpec(otherPreset));

/** The text Monaco currently renders, one entry per rendered view line, in line order. */
async function monacoLines(page: Page): Promise<string[]> {
  return page.locator(".monaco-editor .view-lines").evaluate((el) =>
    Array.from(el.querySelectorAll<HTMLElement>(".view-line"))
      .map((l) => ({ top: parseFloat(l.style.top || "0"), text: (l.textContent ?? "").replace(/\u00a0/g, " ") }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}

/** Centre of a line (1-based) of the editor, in page coordinates, for the current scroll position (top). */
async function monacoLinePoint(page: Page, line: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(".monaco-editor .view-lines").boundingBox();
  if (!box) throw new Error("no view lines");
  const top = await page.locator(".monaco-editor .view-lines").evaluate((el, n) => {
    const rows = Array.from(el.querySelectorAll<HTMLElement>(".view-line"));
    const tops = rows.map((r) => parseFloat(r.style.top || "0")).sort((a, b) => a - b);
    return tops[n - 1];
  }, line);
  return { x: box.x + 40, y: box.y + top + 19 / 2 };
}

/**
 * The wizard, with a CLS accumulator, the requested URLs, started workers, console messages, and the URLs of
 * the responses that carried Monaco's chunk.
 */
async function open(page: Page) {
  const requests: string[] = [];
  const workers: string[] = [];
  const messages: string[] = [];
  const monacoChunks: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("response", async (r) => {
    if (!/\.js(\?|$)/.test(r.url())) return;
    const body = await r.text().catch(() => "");
    if (body.includes(MONACO_CHUNK_MARKER)) monacoChunks.push(r.url());
  });
  page.on("worker", (w) => workers.push(w.url()));
  page.on("console", (m) => {
    if (m.type() !== "error" && m.type() !== "warning") return;
    // The icon is /icon.svg: a request for /favicon.ico anyway gets a 404, which Chromium logs.
    if (m.location().url.endsWith("/favicon.ico")) return;
    messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/");
  await showIntent(page);
  await waitHydrated(page);
  return { requests, workers, messages, monacoChunks };
}

/** Holds Monaco's chunk back until `release()`, so a test can act in the facade while the editor is loading. */
async function holdMonaco(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route("**/_next/static/chunks/*.js", async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(MONACO_CHUNK_MARKER)) {
      requested = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { release, requested: () => requested };
}

test("the server HTML carries the highlighted text, byte for byte", async ({ request }) => {
  const res = await request.get("/");
  expect(res.ok()).toBe(true);
  const html = await res.text();
  const inner = servedPreview(html);
  expect(inner, "the <pre> is in the server HTML").not.toBeNull();
  expect(inner).toMatch(/<span class="text-blue-700[^"]*">FROM<\/span>/);
  expect(inner).toMatch(/<span class="text-green-800[^"]*"># syntax=docker\/dockerfile:1<\/span>/);
  expect(htmlText(inner!)).toBe(main.dockerfile);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the highlighted <pre> is the preview, focusable, with the exact text", async ({ page }) => {
    await page.goto("/");
    const region = page.getByRole("region", { name: "Dockerfile preview" });
    const pre = region.getByTestId("preview-text");
    await expect(pre).toBeVisible();
    await expect(pre).toHaveAttribute("tabindex", "0");
    expect(await pre.textContent()).toBe(main.dockerfile);
    await expect(region.getByRole("tab", { name: "Dockerfile" })).toHaveAttribute("aria-selected", "true");
  });
});

test("without intent, Monaco is not requested; the <pre> stays live (a restored draft is not intent either)", async ({ page, context }) => {
  const { monacoChunks, messages } = await open(page);
  await page.waitForTimeout(2500);
  expect(monacoChunks, "no request for Monaco's chunk without intent").toEqual([]);
  await expect(page.getByRole("tabpanel")).toHaveAttribute("data-editor", "pre");
  await expect(page.locator("[data-editor-intent]")).toHaveCount(0);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);
  expect(messages).toEqual([]);

  // An edit is intent (and stores a draft); a second page restores that draft on load, which is not.
  await page.getByRole("textbox", { name: "Port" }).fill("9000");
  await waitForMonaco(page);
  const second = await context.newPage();
  await second.goto("/");
  await waitHydrated(second);
  await expect.poll(() => second.getByTestId("preview-text").textContent()).toContain("EXPOSE 9000");
  await second.waitForTimeout(1500);
  expect(await second.getByTestId("preview-text").evaluate((el) => el.closest("section")!.getAttribute("data-editor-intent"))).toBeNull();
  await expect(second.locator(".monaco-editor")).toHaveCount(0);
});

test("hover: Monaco replaces the <pre> without layout shift, loading only from the app's origin", async ({ page, baseURL }) => {
  const { requests, workers, messages, monacoChunks } = await open(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });

  // The fallback is there from the first paint.
  await expect(region.getByTestId("preview-text")).toBeVisible();
  expect(monacoChunks).toEqual([]);

  await hoverPreviewForMonaco(page);
  await expect(region).toHaveAttribute("data-editor-intent", "pointer");
  expect(monacoChunks).toHaveLength(1);
  const lines = await monacoLines(page);
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.slice(0, 10)).toEqual(main.dockerfile.split("\n").slice(0, 10));
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerfile);

  // Let the page settle, then read the cumulative layout shift (a hover is not "recent input": shifts count).
  await page.waitForTimeout(1000);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  console.log(`CLS on / incl. the Monaco swap: ${cls}`);
  expect(cls).toBeLessThan(0.01);

  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(workers, "a read-only preview needs no web worker").toEqual([]);
  expect(messages).toEqual([]);
});

test("keyboard: Tab into the preview loads Monaco; the <pre>'s line and focus carry over to the editor", async ({ page }) => {
  const { monacoChunks } = await open(page);
  const gate = await holdMonaco(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  const note = page.getByTestId("preview-note");
  const noted = main.lineNotes[0];
  expect(main.lineNotes.some((n) => n.from <= noted.from - 1 && noted.from - 1 <= n.to)).toBe(false);

  // From the last control before the preview, Tab until focus is in it (on the selected file tab).
  await page.getByRole("button", { name: "Share link" }).focus();
  for (let i = 0; i < 10 && !(await region.evaluate((el) => el.contains(document.activeElement))); i++) await page.keyboard.press("Tab");
  await expect(region.getByRole("tab", { name: "Dockerfile" })).toBeFocused();
  await expect(region).toHaveAttribute("data-editor-intent", "focus");
  await expect.poll(gate.requested).toBe(true);
  expect(monacoChunks).toEqual([]); // held back

  // While Monaco loads, the <pre> works: Tab to the text, ↓ to the noted line shows its note.
  await page.keyboard.press("Tab");
  const pre = region.getByTestId("preview-text");
  await expect(pre).toBeFocused();
  for (let i = 0; i < noted.from; i++) await page.keyboard.press("ArrowDown"); // the first ↓ selects line 1
  await expect(note).toContainText(noted.note);

  gate.release();
  await waitForMonaco(page);
  // Focus moved into the editor (its hidden textarea), the note is still shown, and the cursor is on that line:
  // ↑ then ↓ comes back to it (from line 1 it would land on line 2).
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(true);
  await expect(note).toContainText(noted.note);
  await page.keyboard.press("ArrowUp");
  await expect(note).toHaveText("");
  await page.keyboard.press("ArrowDown");
  await expect(note).toContainText(noted.note);
});

test("first edit: changing the spec loads Monaco, which shows the edited text", async ({ page }) => {
  const { monacoChunks } = await open(page);
  await page.waitForTimeout(500);
  expect(monacoChunks).toEqual([]);
  // With the keyboard only (no pointer over the preview): Python 3.14 → 3.13.
  await page.getByRole("radio", { name: /^Python 3\.14\b/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^Python 3\.13\b/ })).toBeChecked();
  await waitForMonaco(page);
  await expect(page.getByRole("region", { name: "Dockerfile preview" })).toHaveAttribute("data-editor-intent", "edit");
  await expect.poll(async () => (await monacoLines(page)).join("\n")).toContain("FROM python:3.13-slim-trixie AS builder");
});

test.describe("narrow screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("an edit far above the preview loads nothing until the preview is scrolled near", async ({ page }) => {
    const { monacoChunks } = await open(page);
    await page.getByRole("radio", { name: /^Python 3\.13\b/ }).check();
    await expect.poll(() => page.getByTestId("preview-text").textContent()).toContain("python:3.13");
    await page.waitForTimeout(1500);
    expect(monacoChunks).toEqual([]);
    await expect(page.locator("[data-editor-intent]")).toHaveCount(0);
    await page.getByRole("region", { name: "Dockerfile preview" }).evaluate((el) => el.scrollIntoView());
    await waitForMonaco(page);
    await expect(page.getByRole("region", { name: "Dockerfile preview" })).toHaveAttribute("data-editor-intent", "edit");
  });
});

test.describe("touch", () => {
  test.use({ hasTouch: true });

  test("a tap on the preview loads Monaco", async ({ page }) => {
    await open(page);
    await page.getByTestId("preview-text").tap({ position: { x: 200, y: 100 } });
    await waitForMonaco(page);
    await expect(page.getByRole("region", { name: "Dockerfile preview" })).toHaveAttribute("data-editor-intent", "touch");
  });
});

test("the theme follows prefers-color-scheme, live", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page);
  await hoverPreviewForMonaco(page);
  await expect(page.locator(".monaco-editor")).toHaveClass(/\bvs\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator(".monaco-editor")).toHaveClass(/\bvs-dark\b/);
});

test("the compose.yaml tab shows the compose file for the spec, highlighted, then in Monaco", async ({ page }) => {
  await open(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  const composeTab = region.getByRole("tab", { name: "compose.yaml" });
  await composeTab.click();
  await expect(composeTab).toHaveAttribute("aria-selected", "true");
  const compose = renderCompose({ spec: DEFAULT_SPEC });
  await expect.poll(async () => region.getByTestId("preview-text").textContent()).toBe(compose);
  await hoverPreviewForMonaco(page);
  await expect.poll(async () => (await monacoLines(page)).slice(0, 4).join("\n")).toBe(compose.split("\n").slice(0, 4).join("\n"));
});

test("tabs switch files with the keyboard", async ({ page }) => {
  await open(page);
  await hoverPreviewForMonaco(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  const tabs = region.getByRole("tab");
  const dockerfileTab = region.getByRole("tab", { name: "Dockerfile" });
  const ignoreTab = region.getByRole("tab", { name: ".dockerignore" });
  const lastTab = tabs.last();

  await dockerfileTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(ignoreTab).toBeFocused();
  await expect(ignoreTab).toHaveAttribute("aria-selected", "true");
  await expect(dockerfileTab).toHaveAttribute("aria-selected", "false");
  await expect(region.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", (await ignoreTab.getAttribute("id"))!);
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerignore);
  await expect.poll(async () => (await monacoLines(page))[0]).toBe(main.dockerignore.split("\n")[0]);

  await page.keyboard.press("End");
  await expect(lastTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight"); // wraps around
  await expect(dockerfileTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft"); // and back
  await expect(lastTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(dockerfileTab).toHaveAttribute("aria-selected", "true");
  await expect.poll(async () => (await monacoLines(page))[0]).toBe(main.dockerfile.split("\n")[0]);
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerfile);
});

test("hovering or clicking a noted line shows its note; other lines show nothing", async ({ page }) => {
  await open(page);
  await hoverPreviewForMonaco(page);
  const noted = main.lineNotes[0];
  const note = page.getByTestId("preview-note");

  // Hover: the note in a box of its own (plain text, hidden from assistive technology: the live region has it).
  const hoverBox = page.locator(".monaco-editor [data-note-hover]");
  const point = await monacoLinePoint(page, noted.from);
  await page.mouse.move(point.x, point.y);
  await expect(hoverBox).toBeVisible({ timeout: 5000 });
  await expect(hoverBox).toHaveText(noted.note);
  await expect(hoverBox).toHaveAttribute("aria-hidden", "true");

  await page.mouse.click(point.x, point.y);
  await expect(note).toHaveAttribute("aria-live", "polite");
  await expect(note).toContainText(noted.note);

  // Line 1 (the syntax directive) has no note: no box, and clicking it clears the live region.
  expect(main.lineNotes.some((n) => n.from <= 1 && 1 <= n.to)).toBe(false);
  const first = await monacoLinePoint(page, 1);
  await page.mouse.move(first.x, first.y);
  await expect(hoverBox).toBeHidden();
  await page.mouse.click(first.x, first.y);
  await expect(note).toHaveText("");
});

test("text updates keep the scroll position", async ({ page }) => {
  await open(page);
  await hoverPreviewForMonaco(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });

  // Scroll the editor down (Monaco scales wheel deltas down, so a few notches).
  const first = await monacoLinePoint(page, 1);
  await page.mouse.move(first.x, first.y + 100);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 300);
  const firstVisible = () =>
    page.locator(".monaco-editor .margin-view-overlays .line-numbers").evaluateAll((els) =>
      Math.min(
        ...els
          .filter((e) => e.getBoundingClientRect().top >= e.closest(".monaco-editor")!.getBoundingClientRect().top)
          .map((e) => Number(e.textContent)),
      ),
    );
  await expect.poll(firstVisible).toBeGreaterThan(5);
  const before = await firstVisible();

  // Another preset: a different text (of about the same length).
  await page.getByText(/^More presets/).click();
  await page.getByRole("button", { name: `Use preset ${otherPreset.title}` }).click();
  await expect.poll(async () => region.getByTestId("preview-text").textContent()).toBe(other.dockerfile);
  await expect.poll(async () => (await monacoLines(page)).join("\n")).toContain(other.dockerfile.split("\n")[before + 1]);
  expect(await firstVisible()).toBe(before);

  // Update latency is a budget, measured by npm run bench:web, not asserted here.
});

test("an invalid spec shows the badge and keeps the last good text", async ({ page }) => {
  await open(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  await expect(region.getByText("Out of date: fix the highlighted field")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Port" }).fill("99999");
  await expect(region.getByText("Out of date: fix the highlighted field")).toBeVisible();
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerfile);
});

test("if Monaco cannot load, the <pre> stays and clicking a line shows its note", async ({ page }) => {
  // Fail the Monaco chunk (recognised by its content), as a flaky network would.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(MONACO_CHUNK_MARKER)) await route.abort();
    else await route.fulfill({ response, body });
  });
  await page.goto("/");
  await showIntent(page);
  await waitHydrated(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  const pre = region.getByTestId("preview-text");
  await expect(pre).toBeVisible();
  // Intent (the pointer over the preview), then wait until the load was attempted (the component logs a warning
  // and keeps the fallback).
  const warned = page.waitForEvent("console", { predicate: (m) => m.text().includes("showing plain text"), timeout: 30_000 });
  await pre.hover();
  await warned;
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  const noted = main.lineNotes[0];
  const box = (await pre.boundingBox())!;
  await pre.click({ position: { x: 80, y: 8 + (noted.from - 1) * 19 + 9 } });
  await expect(page.getByTestId("preview-note")).toContainText(noted.note);
  await pre.click({ position: { x: 80, y: 8 + 9 } });
  await expect(page.getByTestId("preview-note")).toHaveText("");
  expect(box.height).toBe(576);

  // Keyboard: ↓ from line 1 walks down to the noted line.
  await pre.focus();
  for (let i = 1; i < noted.from; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("preview-note")).toContainText(noted.note);
});
