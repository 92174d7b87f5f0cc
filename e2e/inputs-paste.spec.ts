import { expect, test } from "@playwright/test";
import { openWizard, previewText } from "./wizard-helpers";

test("pasting a requirements file with VCS lines, markers and an include: chips, skipped lines and reasons", async ({ page }) => {
  await openWizard(page);
  const text = [
    "-r base.txt",
    "--index-url https://pypi.example.org/simple",
    "mylib @ git+https://github.com/example/mylib.git@v1.2",
    "-e git+https://github.com/example/tool.git@main#egg=tool",
    'pywin32; sys_platform == "win32"',
    'tomli; python_version < "3.10"',
    "psycopg2==2.9.10 \\",
    "    --hash=sha256:" + "a".repeat(64),
    "",
  ].join("\n");
  await page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" }).fill(text);
  await page.getByRole("button", { name: "Add packages from text" }).click();

  const chips = page.getByRole("list", { name: "Packages", exact: true });
  for (const name of ["mylib", "tool", "pywin32", "tomli", "psycopg2==2.9.10"]) await expect(chips.getByRole("listitem").filter({ hasText: name }).first()).toBeVisible();

  const problems = page.getByRole("list", { name: "Lines that could not be read" });
  await expect(problems.getByRole("listitem")).toHaveCount(1);
  await expect(problems.getByRole("listitem")).toContainText("Line 1:");
  await expect(problems.getByRole("listitem")).toContainText("base.txt), which was not pasted");

  const skipped = page.getByRole("list", { name: "Skipped lines" });
  await expect(skipped.getByRole("listitem")).toHaveCount(2);
  await expect(skipped.getByRole("listitem").nth(0)).toContainText('Line 5: pywin32 — sys_platform == "win32"');
  await expect(skipped.getByRole("listitem").nth(1)).toContainText("Line 6: tomli");

  const notes = page.getByRole("list", { name: "Notes on lines" });
  await expect(notes).toContainText("Line 3: mylib is installed from git");
  await expect(notes).toContainText("Line 4: tool is installed from git");
  await expect(notes).toContainText("Line 2: --index-url https://pypi.example.org/simple: taken into Index URL");
  // The file's --index-url is now the spec's: the Index URL field shows it and pip gets it from the spec.
  await page.getByText("Package index", { exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Index URL", exact: true })).toHaveValue("https://pypi.example.org/simple");
  await expect.poll(() => previewText(page)).toContain("--index-url https://pypi.example.org/simple");
  await expect(page.getByRole("status").filter({ hasText: "Added 5 packages from requirements.txt; 1 line could not be read; 2 skipped by their markers" })).toBeVisible();

  // psycopg2 is used: its runtime library is in the final image.
  await expect(page.getByRole("list", { name: "Final image" })).toContainText("psycopg2");

  // mylib and tool come from Git: git in the builder only.
  await expect(page.getByRole("list", { name: "Build stage" })).toContainText("git");

  // Compile one package from source on request: the chip's toggle.
  const toggle = chips.getByRole("button", { name: "Compile psycopg2 from source" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
});

test("pasting a uv.lock: every locked package, transitive ones included, becomes a chip", async ({ page }) => {
  await openWizard(page);
  const lock = [
    "version = 1",
    "[[package]]",
    'name = "app"',
    'version = "0.1.0"',
    'source = { virtual = "." }',
    'dependencies = [{ name = "django-auth-ldap" }]',
    "[[package]]",
    'name = "django-auth-ldap"',
    'version = "5.1.0"',
    'source = { registry = "https://pypi.org/simple" }',
    'dependencies = [{ name = "python-ldap" }]',
    "[[package]]",
    'name = "python-ldap"',
    'version = "3.4.4"',
    'source = { registry = "https://pypi.org/simple" }',
    "",
  ].join("\n");
  await page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" }).fill(lock);
  await page.getByRole("button", { name: "Add packages from text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 2 packages from uv.lock" })).toBeVisible();
  const chips = page.getByRole("list", { name: "Packages", exact: true });
  await expect(chips.getByRole("listitem").filter({ hasText: "python-ldap==3.4.4" })).toBeVisible();
  // The lock drives the build, and the transitive native package its runtime library.
  await expect.poll(() => previewText(page)).toContain("uv sync --locked");
  await expect(page.getByRole("list", { name: "Final image" })).toContainText("python-ldap");
});

test("a pasted pyproject.toml's optional-dependency group: chosen, its packages decide the system packages; unchosen, they go", async ({ page }) => {
  await openWizard(page);
  // The starting spec has psycopg2: without it, nothing else here needs libpq.
  await page.getByRole("button", { name: "Remove psycopg2" }).click();
  const pyproject = ['[project]', 'name = "app"', 'dependencies = ["flask"]', "[project.optional-dependencies]", 'pg = ["psycopg2"]', ""].join("\n");
  await page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" }).fill(pyproject);
  await page.getByRole("button", { name: "Add packages from text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 package from pyproject.toml" })).toBeVisible();
  const chips = page.getByRole("list", { name: "Packages", exact: true });
  // A stage's list is not there at all while it installs nothing: a name in it counts either way.
  const build = (name: string) => page.getByRole("list", { name: "Build stage" }).getByText(name, { exact: true });
  const final = (name: string) => page.getByRole("list", { name: "Final image" }).getByText(name, { exact: true });
  await expect(chips.getByRole("listitem").filter({ hasText: "flask" })).toBeVisible();
  await expect(build("libpq-dev")).toHaveCount(0);
  await expect(final("libpq5")).toHaveCount(0);

  const pg = page.getByRole("checkbox", { name: "pg", exact: true });
  await pg.check();
  await expect(chips.getByRole("listitem").filter({ hasText: "psycopg2" })).toBeVisible();
  await expect(build("libpq-dev")).toBeVisible();
  await expect(final("libpq5")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Optional dependency groups", exact: true })).toHaveValue("pg");
  await expect.poll(() => previewText(page)).toContain("'/src[pg]'");

  await pg.uncheck();
  await expect(chips.getByRole("listitem").filter({ hasText: "psycopg2" })).toHaveCount(0);
  await expect(build("libpq-dev")).toHaveCount(0);
  await expect(final("libpq5")).toHaveCount(0);

  // Typing the group's name does the same.
  await page.getByRole("textbox", { name: "Optional dependency groups", exact: true }).fill("pg");
  await expect(final("libpq5")).toBeVisible();
  await expect(pg).toBeChecked();
});

test("a pasted Pipfile.lock or pylock.toml drives the build: pipenv exports the one, uv installs the other", async ({ page }) => {
  await openWizard(page);
  const box = page.getByRole("textbox", { name: "Or paste a requirements.txt or pyproject.toml" });
  const pipfileLock = JSON.stringify({ _meta: { sources: [] }, default: { pillow: { version: "==11.0.0", hashes: [] } }, develop: {} }, null, 2);
  await box.fill(pipfileLock);
  await page.getByRole("button", { name: "Add packages from text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 package from Pipfile.lock" })).toBeVisible();
  await expect.poll(() => previewText(page)).toContain("pipenv requirements --hash > /tmp/requirements.txt");

  const pylock = ['lock-version = "1.0"', 'created-by = "example"', "[[packages]]", 'name = "lxml"', 'version = "5.3.0"', ""].join("\n");
  await box.fill(pylock);
  await page.getByRole("button", { name: "Add packages from text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 package from pylock.toml" })).toBeVisible();
  await expect.poll(() => previewText(page)).toContain("--mount=type=bind,source=pylock.toml,target=/tmp/pylock.toml");
  await expect.poll(() => previewText(page)).toContain("strategy uv,");
});
