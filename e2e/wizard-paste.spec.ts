import { expect, test } from "@playwright/test";
import { openWizard } from "./wizard-helpers";

test("pasting a requirements.txt: chips for the packages, the malformed line flagged by number, the text kept", async ({ page }) => {
  await openWizard(page);
  const text = ["# our app", "pyodbc==5.2.0", "numpy>=2,<3", "flask=>3", ""].join("\n");

  const box = page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" });
  await box.fill(text);
  await page.getByRole("button", { name: "Add packages from text" }).click();

  const chips = page.getByRole("list", { name: "Packages", exact: true });
  await expect(chips.getByRole("listitem").filter({ hasText: "pyodbc==5.2.0" })).toBeVisible();
  await expect(chips.getByRole("listitem").filter({ hasText: "numpy>=2,<3" })).toBeVisible();
  await expect(chips).not.toContainText("=>3");

  const problems = page.getByRole("list", { name: "Lines that could not be read" });
  await expect(problems.getByRole("listitem")).toHaveCount(1);
  await expect(problems.getByRole("listitem")).toContainText("Line 4:");
  await expect(problems.getByRole("listitem")).toContainText("flask=>3");
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "Added 2 packages" })).toBeVisible();

  // Nothing pasted is lost.
  await expect(box).toHaveValue(text);

  // pyodbc's wheel still needs the ODBC driver manager at run time.
  await expect(page.getByRole("list", { name: "Final image" })).toContainText("pyodbc");

  // A chip can be removed.
  await chips.getByRole("button", { name: "Remove numpy" }).click();
  await expect(chips).not.toContainText("numpy");
});

test("pasting a pyproject.toml: its [project] dependencies become chips", async ({ page }) => {
  await openWizard(page);
  const text = ['[project]', 'name = "app"', 'dependencies = [', '  "fastapi>=0.115",', '  "uvicorn[standard]",', ']', ""].join("\n");
  await page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" }).fill(text);
  await page.getByRole("button", { name: "Add packages from text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 2 packages from pyproject.toml" })).toBeVisible();
  const chips = page.getByRole("list", { name: "Packages", exact: true });
  await expect(chips.getByRole("listitem").filter({ hasText: "fastapi>=0.115" })).toBeVisible();
  await expect(chips.getByRole("listitem").filter({ hasText: "uvicorn[standard]" })).toBeVisible();
});
