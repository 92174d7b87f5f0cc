/**
 * Journey: reading the generated files in the preview (components/preview/), on the throwaway /preview-demo page.
 * Server-rendered highlighted <pre> first, then Monaco swapped in without layout shift, from the app's own origin.
 */
import { expect, test, type Page } from "@playwright/test";
import { generate } from "../lib/generate";
import { presetById, presetSpec } from "../lib/presets";
import { DEFAULT_SPEC } from "../lib/spec";

const PATH = "/preview-demo";
const main = generate(DEFAULT_SPEC);
const otherPreset = presetById("django-postgres");
const other = generate(otherPreset ? presetSpec(otherPreset) : DEFAULT_SPEC);

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

/** The page, with a CLS accumulator, a list of requested URLs, started workers and console messages. */
async function open(page: Page) {
  const requests: string[] = [];
  const workers: string[] = [];
  const messages: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("worker", (w) => workers.push(w.url()));
  page.on("console", (m) => {
    if (m.type() !== "error" && m.type() !== "warning") return;
    // The app has no favicon yet (not this component's concern); Chromium logs the 404.
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
  await page.goto(PATH);
  return { requests, workers, messages };
}

async function waitForMonaco(page: Page) {
  await expect(page.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("tabpanel")).toHaveAttribute("data-editor", "monaco", { timeout: 30_000 });
}

test("the server HTML carries the highlighted text, byte for byte", async ({ request }) => {
  const res = await request.get(PATH);
  expect(res.ok()).toBe(true);
  const html = await res.text();
  const m = /<pre[^>]*data-testid="preview-text"[^>]*>([\s\S]*?)<\/pre>/.exec(html);
  expect(m, "the <pre> is in the server HTML").not.toBeNull();
  const inner = m![1];
  expect(inner).toMatch(/<span class="text-blue-700[^"]*">FROM<\/span>/);
  expect(inner).toMatch(/<span class="text-green-800[^"]*"># syntax=docker\/dockerfile:1<\/span>/);
  const text = inner
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  expect(text).toBe(main.dockerfile);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the highlighted <pre> is the preview, focusable, with the exact text", async ({ page }) => {
    await page.goto(PATH);
    const region = page.getByRole("region", { name: "Dockerfile preview" });
    const pre = region.getByTestId("preview-text");
    await expect(pre).toBeVisible();
    await expect(pre).toHaveAttribute("tabindex", "0");
    expect(await pre.textContent()).toBe(main.dockerfile);
    await expect(region.getByRole("tab", { name: "Dockerfile" })).toHaveAttribute("aria-selected", "true");
  });
});

test("Monaco replaces the <pre> without layout shift, loading only from the app's origin", async ({ page, baseURL }) => {
  const { requests, workers, messages } = await open(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });

  // The fallback is there from the first paint.
  await expect(region.getByTestId("preview-text")).toBeVisible();

  await waitForMonaco(page);
  const lines = await monacoLines(page);
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.slice(0, 10)).toEqual(main.dockerfile.split("\n").slice(0, 10));
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerfile);

  // Let the page settle, then read the cumulative layout shift.
  await page.waitForTimeout(1000);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  console.log(`CLS on /preview-demo: ${cls}`);
  expect(cls).toBeLessThan(0.01);

  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(workers, "a read-only preview needs no web worker").toEqual([]);
  expect(messages).toEqual([]);
});

test("the theme follows prefers-color-scheme, live", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page);
  await waitForMonaco(page);
  await expect(page.locator(".monaco-editor")).toHaveClass(/\bvs\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator(".monaco-editor")).toHaveClass(/\bvs-dark\b/);
});

test("tabs switch files with the keyboard", async ({ page }) => {
  await open(page);
  await waitForMonaco(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  const dockerfileTab = region.getByRole("tab", { name: "Dockerfile" });
  const ignoreTab = region.getByRole("tab", { name: ".dockerignore" });

  await dockerfileTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(ignoreTab).toBeFocused();
  await expect(ignoreTab).toHaveAttribute("aria-selected", "true");
  await expect(dockerfileTab).toHaveAttribute("aria-selected", "false");
  await expect(region.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", (await ignoreTab.getAttribute("id"))!);
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerignore);
  await expect.poll(async () => (await monacoLines(page))[0]).toBe(main.dockerignore.split("\n")[0]);

  await page.keyboard.press("ArrowRight"); // wraps around
  await expect(dockerfileTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(ignoreTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(dockerfileTab).toHaveAttribute("aria-selected", "true");
  await expect.poll(async () => (await monacoLines(page))[0]).toBe(main.dockerfile.split("\n")[0]);
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerfile);
});

test("hovering or clicking a noted line shows its note; other lines show nothing", async ({ page }) => {
  await open(page);
  await waitForMonaco(page);
  const noted = main.lineNotes[0];
  const note = page.getByTestId("preview-note");

  const point = await monacoLinePoint(page, noted.from);
  await page.mouse.move(point.x, point.y);
  await expect(page.locator(".monaco-editor .monaco-hover").filter({ hasText: noted.note })).toBeVisible({ timeout: 5000 });

  await page.mouse.click(point.x, point.y);
  await expect(note).toHaveAttribute("aria-live", "polite");
  await expect(note).toContainText(noted.note);

  // Line 1 (the syntax directive) has no note.
  expect(main.lineNotes.some((n) => n.from <= 1 && 1 <= n.to)).toBe(false);
  const first = await monacoLinePoint(page, 1);
  await page.mouse.click(first.x, first.y);
  await expect(note).toHaveText("");
});

test("text updates keep the scroll position and take well under a frame", async ({ page }) => {
  await open(page);
  await waitForMonaco(page);
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

  await page.getByRole("button", { name: "Switch text" }).click();
  await expect.poll(async () => region.getByTestId("preview-text").textContent()).toBe(other.dockerfile);
  await expect.poll(async () => (await monacoLines(page)).join("\n")).toContain(other.dockerfile.split("\n")[before + 1]);
  expect(await firstVisible()).toBe(before);

  // Update latency is a budget, measured by npm run bench:web, not asserted here.
});

test("a stale spec shows the badge and keeps the last good text", async ({ page }) => {
  await open(page);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  await expect(region.getByText("Out of date: fix the highlighted field")).toHaveCount(0);
  await page.getByRole("button", { name: "Toggle stale" }).click();
  await expect(region.getByText("Out of date: fix the highlighted field")).toBeVisible();
  expect(await region.getByTestId("preview-text").textContent()).toBe(main.dockerfile);
});

test("if Monaco cannot load, the <pre> stays and clicking a line shows its note", async ({ page }) => {
  // Fail the Monaco chunk (recognised by its content), as a flaky network would.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("editorWorkerService")) await route.abort();
    else await route.fulfill({ response, body });
  });
  await page.goto(PATH);
  const region = page.getByRole("region", { name: "Dockerfile preview" });
  const pre = region.getByTestId("preview-text");
  await expect(pre).toBeVisible();
  // Wait until the load was attempted (the component logs a warning and keeps the fallback).
  await page.waitForEvent("console", { predicate: (m) => m.text().includes("showing plain text"), timeout: 30_000 });
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
