import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { DEFAULT_SPEC, parseSpec } from "../lib/spec";
import { openWizard, previewText } from "./wizard-helpers";

/**
 * The curated entries are not in the engine's chunk: the page loads an entry when a package that has one is typed
 * or added. Here psycopg2's entry file (its own chunk) is held on its way; meanwhile the page keeps the previous
 * Dockerfile with a "loading" status and never shows psycopg2 as unknown; once it arrives, libpq-dev and libpq5
 * are planned.
 */

/**
 * psycopg2's entry as the bundler prints a JSON module (an object literal, keys quoted or not): its facts follow its
 * summary, which is all the engine's catalog has.
 */
const PSYCOPG2_ENTRY = /\bname"?:"psycopg2","?display"?:"psycopg2","?summary"?:"[^"]*","?toolchains"?:/;

const specWith = (...names: string[]) => {
  const r = parseSpec({ ...DEFAULT_SPEC, packages: names.map((name) => ({ name })) });
  if (!r.ok) throw new Error("spec");
  return r.spec;
};

test("psycopg2's curated facts load only once it is typed; until they arrive the last Dockerfile stays, then libpq-dev and libpq5", async ({ page }) => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const entryRequests: string[] = [];
  let lastChunkAt = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    lastChunkAt = Date.now();
    const response = await route.fetch();
    const body = await response.text();
    if (PSYCOPG2_ENTRY.test(body)) {
      entryRequests.push(new URL(route.request().url()).pathname);
      await gate;
    }
    await route.fulfill({ response, body }).catch(() => {}); // the page may be gone by then
  });

  await openWizard(page, "/?packages=flask");
  // The engine and the facts of the spec shown (flask's) have loaded (no chunk asked for in a second): psycopg2's
  // entry was not among them.
  await expect.poll(() => lastChunkAt > 0 && Date.now() - lastChunkAt > 1000, { timeout: 20_000 }).toBe(true);
  const before = generate(specWith("flask")).dockerfile;
  expect(await previewText(page)).toBe(before);
  expect(entryRequests).toEqual([]);

  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await combobox.fill("psycopg2");
  // Typing it asks for its entry (for the suggestion), which is held: the suggestion waits for it too.
  await expect.poll(() => entryRequests.length).toBe(1);
  await expect(page.getByRole("option", { name: /^psycopg2(?!-)/ }).first()).toContainText("Loading what it needs…");
  await combobox.press("Escape"); // close the suggestions; the text stays
  await combobox.press("Enter");

  const chip = page.getByRole("list", { name: "Packages", exact: true }).getByRole("listitem").filter({ hasText: /^psycopg2/ });
  await expect(chip).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Loading package facts…" })).toBeVisible();
  // Held: the previous Dockerfile, and psycopg2 is not shown as unknown (pure Python, no system packages).
  expect(await previewText(page)).toBe(before);
  await expect(chip).not.toContainText("unknown");
  await expect(page.getByText(/psycopg2 is not in the knowledge base/)).toHaveCount(0);

  release();
  const build = page.getByRole("list", { name: "Build stage" });
  const final = page.getByRole("list", { name: "Final image" });
  await expect(build.getByRole("listitem").filter({ hasText: /^libpq-dev/ })).toContainText("psycopg2");
  await expect(final.getByRole("listitem").filter({ hasText: /^libpq5/ })).toContainText("psycopg2");
  await expect(page.getByRole("status").filter({ hasText: "Loading package facts…" })).toHaveCount(0);
  await expect.poll(() => previewText(page)).toBe(generate(specWith("flask", "psycopg2")).dockerfile);
  // One request for the entry: the add reused what the suggestion loaded.
  expect(entryRequests).toHaveLength(1);
  await page.unrouteAll({ behavior: "ignoreErrors" }); // chunks still in flight (Monaco's) are not this test's
});
