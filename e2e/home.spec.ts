import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { DEFAULT_SPEC } from "../lib/spec";

test("home page shows the Dockerfile for the default spec", async ({ page }) => {
  const expected = generate(DEFAULT_SPEC).dockerfile;

  await page.goto("/");

  await expect(page.getByRole("heading", { level: 1, name: "Wheelwright" })).toBeVisible();

  const preview = page.getByRole("region", { name: "Dockerfile preview" });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("# syntax=docker/dockerfile:1");
  await expect(preview.getByRole("code")).toContainText(/^FROM python:/m);

  // The whole text of the <pre> must be exactly what the library produces.
  const text = await preview.locator("pre").textContent();
  expect(text).toBe(expected);
});
