import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { openWizard } from "./wizard-helpers";

const SEED_002 = [
  "FROM python:3.9-slim-buster AS builder",
  "WORKDIR /app",
  "COPY requirements.txt .",
  "RUN pip install --no-cache-dir -r requirements.txt",
  "FROM python:3.9-slim-buster AS final",
  "WORKDIR /app",
  "COPY --from=builder /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages",
  "COPY . .",
  "EXPOSE 5000",
  'CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]',
  "",
].join("\n");

test("check a Dockerfile: findings by line beside the text, then Rebuild with Wheelwright fills the wizard", async ({ page }) => {
  await openWizard(page, "/check");
  await page.getByRole("textbox", { name: "Dockerfile" }).fill(SEED_002);
  await page.getByRole("textbox", { name: /requirements\.txt/ }).fill("flask\ngunicorn\n");
  await page.getByRole("button", { name: "Check", exact: true }).click();

  const findings = page.getByRole("list", { name: "Findings" });
  const lost = findings.locator('[data-rule="console-scripts-copied"]');
  await expect(lost).toContainText("Line 7");
  await expect(lost).toContainText("gunicorn");
  await expect(lost).toHaveAttribute("data-severity", "error");
  await expect(findings.locator('[data-rule="eol-image"]').first()).toContainText("buster");
  await expect(findings.locator('[data-rule="root-user"]')).toHaveCount(1);

  await page.getByRole("link", { name: "Rebuild with Wheelwright" }).click();
  await expect(page).toHaveURL(/packages=flask,gunicorn/);
  await expect(page).toHaveURL(/port=5000/);
  const chips = page.getByRole("list", { name: "Packages", exact: true });
  await expect(chips.getByRole("listitem").filter({ hasText: "gunicorn" })).toBeVisible();
});

test("an oversized Dockerfile is refused with a message, not a hang", async ({ page }) => {
  await openWizard(page, "/check");
  await page.getByRole("textbox", { name: "Dockerfile" }).fill("#".repeat(300 * 1024));
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "larger than" })).toBeVisible();
});

test("the check page with findings shown has no axe violations", async ({ page }) => {
  await openWizard(page, "/check");
  await page.getByRole("textbox", { name: "Dockerfile" }).fill(SEED_002);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByRole("list", { name: "Findings" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).setLegacyMode().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
