import { expect, test } from "@playwright/test";
import { openWizard } from "./wizard-helpers";

/** The page renders the first estimate on the server and computes later ones with a lazily loaded module. */
test("the weight estimate follows the edits and matches the API's for the same spec", async ({ page, request }) => {
  await openWizard(page);
  const chart = page.getByRole("region", { name: "Image weight (Debian packages)" });
  const sentence = chart.locator("p").first();
  const thisBuild = chart.getByRole("listitem").filter({ hasText: "This build" });
  const initial = (await (await request.get("/api/dockerfile?format=json")).json()).estimate;
  await expect(sentence).toHaveText(initial.sentence);
  await expect(thisBuild).toContainText(`${initial.thisBuild.count} packages`);

  // pyodbc's wheel needs the ODBC driver manager in the final image: "This build" grows.
  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await combobox.fill("pyodbc");
  await combobox.press("Enter");
  await expect(page).toHaveURL(/pyodbc/);
  const query = new URL(page.url()).search.slice(1);
  const after = (await (await request.get(`/api/dockerfile?${query}&format=json`)).json()).estimate;
  expect(after.thisBuild.count).toBeGreaterThan(initial.thisBuild.count);
  await expect(thisBuild).toContainText(`${after.thisBuild.count} packages`);
  await expect(sentence).toHaveText(after.sentence);
  await expect(chart).not.toHaveAttribute("aria-busy");
});
