import { expect, test, type Page } from "@playwright/test";
import { generate } from "../lib/generate";
import { presetById, presetSpec } from "../lib/presets";
import { BuildSpecSchema, DEFAULT_SPEC } from "../lib/spec";
import { holdScripts, openWizard, previewText } from "./wizard-helpers";

// The engine (lib/engine.ts: zod, the package knowledge, resolve and render) is not in the page's first-load
// JavaScript: it is requested at the first intent, once the page has hydrated. These tests hold back every script the
// server-rendered HTML does not name (the engine, and Monaco and the estimate data, which load later anyway) and
// check that the page is interactive without them and that nothing done meanwhile is lost once they arrive.

/** Once released, the engine, Monaco and the estimate data all arrive together: allow for a slow, busy machine. */
const ARRIVAL = { timeout: 20_000 };

/** Holds every lazy chunk (every script the server-rendered HTML does not name) until `release()` is called. */
async function holdLazyChunks(page: Page, path = "/") {
  const html = await (await page.request.get(path)).text();
  const firstLoad = new Set(html.match(/\/_next\/static\/chunks\/[^"'\\\s]+\.js/g) ?? []);
  expect(firstLoad.size).toBeGreaterThan(0);
  return holdScripts(page, (script) => !firstLoad.has(script));
}

test("edits made before the engine has loaded show at once and are applied when it arrives", async ({ page }) => {
  const { held, release } = await holdLazyChunks(page);
  await openWizard(page);
  // Interactive without the engine, which the intent that hydrated the page asked for (no edit needed).
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const before = generate(DEFAULT_SPEC).dockerfile;

  const port = page.getByRole("textbox", { name: "Port" });
  await port.fill("9000");
  await expect(port).toHaveValue("9000");
  await page.getByRole("radio", { name: /^Python 3\.12\b/ }).check();
  await expect(page.getByRole("radio", { name: /^Python 3\.12\b/ })).toBeChecked();
  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await combobox.fill("numpy>=2");
  await combobox.press("Enter");
  await port.fill("9001");
  await expect(port).toHaveValue("9001");
  // Nothing was judged or regenerated yet: the preview is still the server's.
  expect(await previewText(page)).toBe(before);

  release();
  const expected = BuildSpecSchema.parse({
    ...DEFAULT_SPEC,
    python: "3.12",
    packages: [...DEFAULT_SPEC.packages, { name: "numpy", specifier: ">=2" }],
    runtime: { ...DEFAULT_SPEC.runtime, port: 9001 },
  });
  await expect.poll(() => previewText(page), ARRIVAL).toBe(generate(expected).dockerfile);
  await expect(page.getByRole("list", { name: "Packages", exact: true })).toContainText("numpy>=2");
  await expect(combobox).toHaveValue("");
  await expect(port).toHaveValue("9001");
  await expect.poll(() => new URL(page.url()).searchParams.get("port")).toBe("9001");
  expect(new URL(page.url()).searchParams.get("python")).toBe("3.12");
});

test("a preset chosen before the engine has loaded is applied when it arrives, with what was typed and pasted since", async ({ page }) => {
  const { held, release } = await holdLazyChunks(page);
  await openWizard(page);
  await expect.poll(() => held.length).toBeGreaterThan(0);

  await page.getByText(/^More presets/).click();
  await page.getByRole("button", { name: "Use preset Django + PostgreSQL" }).click();
  const port = page.getByRole("textbox", { name: "Port" });
  await port.fill("9100");
  await expect(port).toHaveValue("9100");
  const box = page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" });
  await box.fill("requests==2.32.3\n");
  await page.getByRole("button", { name: "Add packages from text" }).click();
  await expect(box).toHaveValue("requests==2.32.3\n");

  release();
  const chips = page.getByRole("list", { name: "Packages", exact: true });
  await expect(chips).toContainText("requests==2.32.3", ARRIVAL);
  await expect(page.getByRole("status").filter({ hasText: "Added 1 package from requirements.txt" })).toBeVisible();
  const preset = presetSpec(presetById("django-postgres")!);
  for (const p of preset.packages) await expect(chips).toContainText(p.name);
  await expect(page.getByRole("button", { name: "Reapply preset Django + PostgreSQL" })).toBeVisible();
  await expect.poll(() => previewText(page)).toContain(`python:${preset.python}`);
  await expect(port).toHaveValue("9100");
  await expect.poll(() => previewText(page)).toContain("EXPOSE 9100");

  // Once the engine is there, an invalid value is judged at once.
  await page.getByRole("textbox", { name: "Port" }).fill("99999");
  await expect(page.getByText(/^Out of date/)).toBeVisible();
});

test("a stored invalid draft is shown at once and judged when the engine arrives", async ({ page }) => {
  await openWizard(page);
  await page.getByRole("textbox", { name: "Port" }).fill("90a");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("wheelwright:draft:v1"))).toContain("90a");

  const { held, release } = await holdLazyChunks(page);
  await openWizard(page);
  await expect(page.getByRole("textbox", { name: "Port" })).toHaveValue("90a");
  await expect.poll(() => held.length).toBeGreaterThan(0);
  release();
  await expect(page.getByText(/^Out of date/)).toBeVisible(ARRIVAL);
  await expect(page.getByRole("textbox", { name: "Port" })).toHaveAttribute("aria-invalid", "true");
});
