import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { generate } from "../lib/generate";
import { renderCompose } from "../lib/render/compose";
import { DEFAULT_SPEC } from "../lib/spec";
import { unzipStore } from "../lib/wizard/zip";
import { openWizard, previewText } from "./wizard-helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("copy and download give exactly the previewed text", async ({ page }) => {
  await openWizard(page);
  const shown = await previewText(page);
  const g = generate(DEFAULT_SPEC);
  expect(shown).toBe(g.dockerfile);

  await page.getByRole("button", { name: "Copy Dockerfile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied the Dockerfile" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

  const [dockerfile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Dockerfile" }).click()]);
  expect(dockerfile.suggestedFilename()).toBe("Dockerfile");
  expect(await readFile(await dockerfile.path(), "utf8")).toBe(shown);

  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download all (.zip)" }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipStore(new Uint8Array(await readFile(await zip.path())));
  const text = (name: string) => new TextDecoder().decode(files.get(name));
  expect([...files.keys()]).toEqual(["Dockerfile", ".dockerignore", "compose.yaml", "requirements.txt"]);
  expect(text("compose.yaml")).toBe(renderCompose({ spec: DEFAULT_SPEC }));
  expect(text("Dockerfile")).toBe(shown);
  expect(text(".dockerignore")).toBe(g.dockerignore);
  expect(text("requirements.txt")).toBe(g.requirements);
});
