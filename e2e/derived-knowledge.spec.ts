import { expect, test, type Page } from "@playwright/test";
import { generate } from "../lib/generate";
import { parseSpec, DEFAULT_SPEC } from "../lib/spec";
import { openWizard, previewText } from "./wizard-helpers";

/** Adds a package by its typed name, not a suggestion (Escape closes the list; a second Escape would clear the text). */
async function addTyped(page: Page, name: string) {
  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await combobox.fill(name);
  await combobox.press("Escape");
  await combobox.fill(name);
  await combobox.press("Enter");
}

/**
 * Debian's derived facts on the page: the default spec's Flask and gunicorn are pure Python (the server's HTML
 * already says so), and a package known only from Debian's data, added on the page, brings its shards' facts into
 * the preview once they have loaded: django-auth-ldap carries python-ldap's Debian packages, "via python-ldap".
 */
test("Flask is pure Python; django-auth-ldap brings python-ldap's packages, via python-ldap", async ({ page }) => {
  await openWizard(page);
  const chips = page.getByRole("list", { name: "Packages", exact: true });
  const flask = chips.getByRole("listitem").filter({ hasText: /^flask/ });
  await expect(flask).toContainText("pure Python");
  await expect(flask).not.toContainText("unknown");
  await expect(chips.getByRole("listitem").filter({ hasText: /^gunicorn/ })).toContainText("pure Python");

  await addTyped(page, "django-auth-ldap");
  const chip = chips.getByRole("listitem").filter({ hasText: /^django-auth-ldap/ });
  await expect(chip).toContainText("via python-ldap");
  await expect(chip).toContainText("pure Python");

  const build = page.getByRole("list", { name: "Build stage" });
  const final = page.getByRole("list", { name: "Final image" });
  await expect(build.getByRole("listitem").filter({ hasText: /^libldap[\w.-]*-dev/ })).toContainText("via python-ldap");
  await expect(final.getByRole("listitem").filter({ hasText: /^libldap/ }).first()).toContainText("via python-ldap");

  const expected = parseSpec({ ...DEFAULT_SPEC, packages: [...DEFAULT_SPEC.packages, { name: "django-auth-ldap" }] });
  expect(expected.ok).toBe(true);
  if (!expected.ok) return;
  await expect.poll(() => previewText(page)).toBe(generate(expected.spec).dockerfile);
  expect(await previewText(page)).toMatch(/^\s+libldap[\w.-]*-dev \\$/m);
});

test("a derived-only compiled package (PyICU) shows as compiled from Debian's data, with its ICU packages", async ({ page }) => {
  await openWizard(page);
  await addTyped(page, "PyICU");
  const chip = page.getByRole("list", { name: "Packages", exact: true }).getByRole("listitem").filter({ hasText: /^PyICU/ });
  await expect(chip).toContainText("compiled (from Debian's data)");
  await expect(page.getByRole("list", { name: "Build stage" }).getByRole("listitem").filter({ hasText: /^libicu-dev/ })).toContainText(/pyicu/i);
  await expect(page.getByRole("list", { name: "Final image" }).getByRole("listitem").filter({ hasText: /^libicu\d/ })).toBeVisible();
  const expected = parseSpec({ ...DEFAULT_SPEC, packages: [...DEFAULT_SPEC.packages, { name: "PyICU" }] });
  if (!expected.ok) throw new Error("spec");
  await expect.poll(() => previewText(page)).toBe(generate(expected.spec).dockerfile);
});

test("on Alpine, a derived-only package's apk names come from the name table, loaded when Alpine is chosen", async ({ page }) => {
  const tableRequests: string[] = [];
  page.on("response", async (res) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith("/_next/static/chunks/") && path.endsWith(".js") && (await res.text().catch(() => "")).includes("Debian package names and the Alpine (apk) packages")) tableRequests.push(path);
  });
  await openWizard(page);
  await addTyped(page, "PyICU");
  await expect(page.getByRole("list", { name: "Build stage" }).getByRole("listitem").filter({ hasText: /^libicu-dev/ })).toBeVisible();
  // A Debian target never asks for the Debian → Alpine table.
  expect(tableRequests).toEqual([]);
  await page.getByRole("radio", { name: /^Alpine \(newest\)/ }).check();
  const expected = parseSpec({ ...DEFAULT_SPEC, base: "alpine", packages: [...DEFAULT_SPEC.packages, { name: "PyICU" }] });
  if (!expected.ok) throw new Error("spec");
  await expect.poll(() => previewText(page)).toBe(generate(expected.spec).dockerfile);
  // The listener reads each body asynchronously: the table's (38 KB) may still be arriving when the preview is done.
  await expect.poll(() => tableRequests.length).toBe(1);
});
