import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { BuildSpecSchema, DEFAULT_SPEC } from "../lib/spec";
import { openWizard, previewText } from "./wizard-helpers";

test("the Self-check option: on by default, unticking it removes the step from the preview and says so in the link", async ({ page }) => {
  await openWizard(page);
  const toggle = page.getByRole("checkbox", { name: "Self-check" });
  await expect(toggle).toBeChecked();
  await expect.poll(() => previewText(page)).toContain("<<'SELFCHECK'");

  await toggle.uncheck();
  const off = generate(BuildSpecSchema.parse({ ...DEFAULT_SPEC, selfCheck: false })).dockerfile;
  await expect.poll(() => previewText(page)).toBe(off);
  expect(off).not.toContain("SELFCHECK");
  await expect.poll(() => new URL(page.url()).searchParams.get("self-check")).toBe("0");
});

test("the Advanced section's off-screen placeholder is never shorter than its content on a 412 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 915 });
  await openWizard(page);
  const section = page.locator("section#advanced");
  await section.scrollIntoViewIfNeeded();
  // Measure once the section is rendered: while content-visibility still skips it, its height is the placeholder
  // plus its padding, which says nothing about the content.
  await expect
    .poll(() => section.evaluate((el) => el.lastElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false))
    .toBe(true);
  const { height, rem } = await section.evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
  }));
  const placeholder = Number(/auto (\d+(?:\.\d+)?)rem/.exec((await section.getAttribute("style")) ?? "")?.[1]);
  console.log(`advanced section: ${Math.round(height)} px, placeholder ${placeholder * rem} px`);
  expect(placeholder * rem).toBeGreaterThanOrEqual(height);
});
