import { expect, test } from "@playwright/test";
import { openWizard } from "./wizard-helpers";

test("triage a failed build log: the package and the fix for the chosen base", async ({ page }) => {
  await openWizard(page, "/check");
  const log = page.getByRole("textbox", { name: "Build or start log" });
  await log.fill(["#9 2.114 Collecting psycopg2==2.9.10", "#9 2.905       Error: pg_config executable not found.", ""].join("\n"));
  await page.getByRole("combobox", { name: "Base image" }).selectOption("slim-bookworm");
  await page.getByRole("button", { name: "Find the missing package" }).click();
  const diagnoses = page.getByRole("list", { name: "Diagnoses" });
  await expect(diagnoses).toContainText("pg_config is missing (psycopg2)");
  await expect(diagnoses).toContainText("Install libpq-dev in the builder stage");

  await log.fill("ImportError: libGL.so.1: cannot open shared object file: No such file or directory\n");
  await page.getByRole("button", { name: "Find the missing package" }).click();
  await expect(diagnoses).toContainText("Install libgl1 in the final stage");
});
