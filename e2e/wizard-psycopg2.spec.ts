import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { VARIANTS } from "../lib/knowledge/python-images";
import { presetById, presetSpec } from "../lib/presets";
import { parseSpec } from "../lib/spec";
import { openWizard, previewText } from "./wizard-helpers";

test("preset → Python 3.13 on slim-trixie → psycopg2: libpq-dev to build, libpq5 to run, no compiler shipped", async ({ page }) => {
  const preset = presetById("seed-003-data-venv")!;
  await openWizard(page);

  await page.getByRole("button", { name: `Use preset ${preset.title}` }).click();
  await expect(page.getByRole("radio", { name: /^Python 3\.10\b/ })).toBeChecked();

  await page.getByRole("radio", { name: /^Python 3\.13\b/ }).check();
  await page.getByRole("radio", { name: new RegExp(`^${VARIANTS["slim-trixie"].label}`) }).check();

  // Keyboard: type, pick the suggestion with the arrow key, add it with Enter.
  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await combobox.fill("psycopg2");
  await expect(page.getByRole("option", { name: /^psycopg2(?!-)/ }).first()).toBeVisible();
  await combobox.press("ArrowDown");
  await expect(combobox).toHaveAttribute("aria-activedescendant", /.+/);
  await combobox.press("Enter");
  await expect(page.getByRole("list", { name: "Packages", exact: true }).getByRole("listitem").filter({ hasText: /^psycopg2(?!-)/ })).toBeVisible();

  // The two lists, each entry with its reason.
  const build = page.getByRole("list", { name: "Build stage" });
  const final = page.getByRole("list", { name: "Final image" });
  await expect(build.getByRole("listitem").filter({ hasText: /^libpq-dev/ })).toContainText("psycopg2");
  await expect(final.getByRole("listitem").filter({ hasText: /^libpq5/ })).toContainText("psycopg2");
  await expect(final).not.toContainText("gcc");
  await expect(final).not.toContainText("-dev");

  // The preview is exactly what the library generates for that spec.
  const expected = parseSpec({
    ...presetSpec(preset),
    python: "3.13",
    base: "slim-trixie",
    packages: [...presetSpec(preset).packages, { name: "psycopg2" }],
  });
  expect(expected.ok).toBe(true);
  if (!expected.ok) return;
  await expect.poll(() => previewText(page)).toBe(generate(expected.spec).dockerfile);

  const text = await previewText(page);
  const [builderStage, finalStage] = text.split(/^FROM .* AS final$/m);
  expect(builderStage).toMatch(/^FROM python:3\.13-slim-trixie AS builder$/m);
  expect(builderStage).toMatch(/^\s+libpq-dev \\$/m);
  expect(finalStage).toMatch(/^\s+libpq5 \\$/m);
  expect(finalStage).not.toMatch(/\b(gcc|g\+\+|libc6-dev|libpq-dev|build-essential)\b/);
});
