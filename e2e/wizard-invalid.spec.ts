import { expect, test } from "@playwright/test";
import { openWizard, previewText } from "./wizard-helpers";

test("an invalid value keeps the last good Dockerfile, marks it stale and marks the field", async ({ page }) => {
  await openWizard(page);
  const port = page.getByRole("textbox", { name: "Port" });
  await port.fill("9000");
  await expect.poll(() => previewText(page)).toContain("EXPOSE 9000");
  const good = await previewText(page);

  await port.fill("99999");
  await expect(port).toHaveAttribute("aria-invalid", "true");
  await expect(port).toHaveAccessibleDescription(/65535/);
  await expect(page.getByText(/^Out of date/)).toBeVisible();
  expect(await previewText(page)).toBe(good);
  await expect(port).toHaveValue("99999");

  // A second problem, in an environment variable: a control character in the value.
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByRole("textbox", { name: "Name of variable 1" }).fill("GREETING");
  const value = page.getByRole("textbox", { name: "Value of variable 1" });
  await value.fill("hello\tworld");
  await expect(value).toHaveAttribute("aria-invalid", "true");
  await expect(value).toHaveAccessibleDescription(/control characters/);
  expect(await previewText(page)).toBe(good);
  await expect(page.getByRole("region", { name: /2 problems/ })).toBeVisible();

  // Fixing both brings the preview back to life, with everything that was typed.
  await port.fill("8080");
  await value.fill("hello world");
  await expect(page.getByText(/^Out of date/)).toBeHidden();
  await expect(port).not.toHaveAttribute("aria-invalid", "true");
  await expect.poll(() => previewText(page)).toContain("EXPOSE 8080");
  expect(await previewText(page)).toContain('GREETING="hello world"');
});
