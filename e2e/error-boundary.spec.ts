import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { DEFAULT_SPEC } from "../lib/spec";
import { openWizard, previewText, showIntent, waitHydrated } from "./wizard-helpers";

// window.__WHEELWRIGHT_TEST_THROW__ (components/wizard/error-boundary.tsx) makes one section throw after it mounts.
// Only a test can set it: nothing reads the URL or the stored draft into it.

test("a section that throws is replaced by a message; the rest of the page, the URL and the draft stay", async ({ page }) => {
  await openWizard(page, "/?python=3.12&port=9000");
  await page.getByRole("textbox", { name: "Port" }).fill("9100");
  await expect.poll(() => new URL(page.url()).searchParams.get("port")).toBe("9100");
  const draft = await page.evaluate(() => localStorage.getItem("wheelwright:draft:v1"));
  expect(draft).toContain("9100");
  const dockerfile = await previewText(page);

  await page.addInitScript(() => {
    (window as unknown as { __WHEELWRIGHT_TEST_THROW__: string }).__WHEELWRIGHT_TEST_THROW__ = "runtime";
  });
  await page.reload();
  await showIntent(page);
  await waitHydrated(page);
  const runtime = page.locator("section#runtime");
  await expect(runtime.getByRole("alert")).toContainText("This part of the page stopped working.");
  await expect(runtime.getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Port" })).toHaveCount(0);
  // Everything else still works, and the spec is where it was.
  await expect(page.getByRole("radio", { name: /^Python 3\.12\b/ })).toBeChecked();
  expect(await previewText(page)).toBe(dockerfile);
  expect(new URL(page.url()).searchParams.get("port")).toBe("9100");
  expect(await page.evaluate(() => localStorage.getItem("wheelwright:draft:v1"))).toContain("9100");
  await page.getByRole("radio", { name: /^Python 3\.13\b/ }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get("python")).toBe("3.13");
  expect(new URL(page.url()).searchParams.get("port")).toBe("9100");

  // Start over clears the spec and brings the section back.
  await page.evaluate(() => delete (window as unknown as { __WHEELWRIGHT_TEST_THROW__?: string }).__WHEELWRIGHT_TEST_THROW__);
  await runtime.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByRole("textbox", { name: "Port" })).toHaveValue("8000");
  expect(new URL(page.url()).search).toBe("");
  await expect.poll(() => previewText(page)).toBe(generate(DEFAULT_SPEC).dockerfile);
});

test("when the output panel throws, the last Dockerfile is still shown as text", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __WHEELWRIGHT_TEST_THROW__: string }).__WHEELWRIGHT_TEST_THROW__ = "output";
  });
  await openWizard(page, "/?preset=django-postgres");
  const output = page.locator("section#output");
  await expect(output.getByRole("alert")).toContainText("This part of the page stopped working.");
  const last = output.getByLabel("The last Dockerfile");
  await expect(last).toContainText("FROM ");
  await expect(last).toContainText("psycopg");
  // The wizard itself still works: the text follows the spec.
  await page.getByRole("radio", { name: /^Python 3\.12\b/ }).check();
  await expect(last).toContainText("python:3.12");
  // Reload keeps the spec (it is in the URL).
  await expect.poll(() => new URL(page.url()).searchParams.get("python")).toBe("3.12");
  const reloaded = page.waitForEvent("load");
  await output.getByRole("button", { name: "Reload" }).click();
  await reloaded;
  await showIntent(page);
  await waitHydrated(page);
  await expect(page.getByRole("radio", { name: /^Python 3\.12\b/ })).toBeChecked();
});
