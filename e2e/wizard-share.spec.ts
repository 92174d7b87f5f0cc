import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { DEFAULT_SPEC } from "../lib/spec";
import { openWizard, previewText } from "./wizard-helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the URL follows the spec in place, a share link reopens it, the draft survives a reload, start over clears both", async ({ page, browser }) => {
  await openWizard(page);
  const historyLength = await page.evaluate(() => history.length);

  await page.getByRole("radio", { name: /^Python 3\.13\b/ }).check();
  await page.getByRole("textbox", { name: "Port" }).fill("9000");
  await expect.poll(() => new URL(page.url()).searchParams.get("python")).toBe("3.13");
  await expect.poll(() => new URL(page.url()).searchParams.get("port")).toBe("9000");
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied the link" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  // The link opens the same Dockerfile (already in the server-rendered HTML).
  const shown = await previewText(page);
  await openWizard(page, link);
  expect(await previewText(page)).toBe(shown);
  // ...and in a new browser, with no draft and no history of this one.
  const fresh = await browser.newContext();
  const elsewhere = await fresh.newPage();
  await openWizard(elsewhere, link);
  expect(await previewText(elsewhere)).toBe(shown);
  await fresh.close();

  // Without parameters, the stored draft comes back, as typed, even when invalid.
  await page.getByRole("textbox", { name: "Port" }).fill("90a");
  await openWizard(page, "/");
  await expect(page.getByRole("textbox", { name: "Port" })).toHaveValue("90a");
  await expect(page.getByRole("radio", { name: /^Python 3\.13\b/ })).toBeChecked();
  await expect(page.getByText(/^Out of date/)).toBeVisible();

  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByRole("textbox", { name: "Port" })).toHaveValue("8000");
  expect(new URL(page.url()).search).toBe("");
  expect(await page.evaluate(() => localStorage.getItem("wheelwright:draft:v1"))).toBeNull();
  await expect.poll(() => previewText(page)).toBe(generate(DEFAULT_SPEC).dockerfile);
});

test("a link with unusable parameters opens with what it could use and says what was dropped", async ({ page }) => {
  await openWizard(page, "/?python=3.13&base=slim-buster&colour=blue");
  const message = page.getByRole("status").filter({ hasText: "Some settings from the link were not used" });
  await expect(message).toBeVisible();
  await expect(message).toContainText("Base image");
  await expect(message).toContainText("archive.debian.org");
  await expect(message).toContainText("colour");
  await expect(page.getByRole("radio", { name: /^Python 3\.13\b/ })).toBeChecked();
  await message.getByRole("button", { name: "Dismiss" }).click();
  await expect(message).toBeHidden();
});
