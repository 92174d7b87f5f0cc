import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { DEFAULT_SPEC } from "../lib/spec";
import { openWizard, previewText } from "./wizard-helpers";

const expected = generate(DEFAULT_SPEC).dockerfile;

test("home page shows the Dockerfile for the default spec", async ({ page }) => {
  await openWizard(page);
  await expect(page.getByRole("heading", { level: 1, name: "Wheelwright" })).toBeVisible();
  const preview = page.getByRole("region", { name: "Dockerfile preview" });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("# syntax=docker/dockerfile:1");
  // The whole text must be exactly what the library produces.
  expect(await previewText(page)).toBe(expected);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server-rendered page already shows the default Dockerfile", async ({ page }) => {
    await page.goto("/");
    expect(await previewText(page)).toBe(expected);
    await expect(page.getByRole("radio", { name: /^Python 3\.14\b/ })).toBeChecked();
  });
});
