import { expect, test } from "@playwright/test";
import { fieldLabel } from "../components/wizard/field-labels";
import { generate } from "../lib/generate";
import { linkErrorMessage, parseLinkError } from "../lib/http/request-guard.mjs";
import { DEFAULT_SPEC } from "../lib/spec";
import { HOSTILE_LINKS } from "../lib/testing/hostile-links";
import { previewText, showIntent, waitHydrated } from "./wizard-helpers";

/** What a stack trace or a framework error page looks like. */
const STACK = /\bat [\w.$<>]+ \(|node_modules|webpack|turbopack:\/\/|\.tsx?:\d+|Internal Server Error|Application error/i;

test.describe.configure({ mode: "parallel" });

// Every entry of lib/testing/hostile-links.json, as a page link and as an API query. A page link is decoded on the
// server only (the page gets the spec and what was dropped as props, never the raw link), so each entry's page is
// checked as the server answers it, before any script runs (the page hydrates on intent); hydrating a page adds
// nothing link-specific, and a sample of them is hydrated below.

/** The entries whose pages are also hydrated: one the guard refuses, and the ones that drop the most fields. */
const HYDRATED = new Set([
  HOSTILE_LINKS.find((l) => l.page === 303)!.id,
  ...HOSTILE_LINKS.filter((l) => l.page === 200)
    .sort((a, b) => b.pageDropped.length - a.pageDropped.length)
    .slice(0, 4)
    .map((l) => l.id),
]);

for (const link of HOSTILE_LINKS) {
  test(`page /?${link.id}: ${link.page === 200 ? "the wizard opens and says what it dropped" : "the wizard opens the default build and says why the link was not"}`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto(`/?${link.query}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Wheelwright" })).toBeVisible();
    if (link.page === 303) {
      // The request guard (server/main.mjs) answers before Next.js runs, also for heads over Node's 16 KiB limit:
      // 303 to /?link_error=<code>, where the wizard says why, with the default build.
      const first = res!.request().redirectedFrom();
      expect((await first?.response())?.status()).toBe(303);
      const code = new URL(res!.url()).searchParams.get("link_error");
      expect(parseLinkError(code).code).toBe(link.linkError);
      const message = page.getByRole("status").filter({ hasText: "This link was not opened" });
      await expect(message).toBeVisible();
      await expect(message).toContainText(linkErrorMessage(parseLinkError(code)));
      expect(await previewText(page)).toBe(generate(DEFAULT_SPEC).dockerfile);
    } else {
      expect(await previewText(page)).toMatch(/^# syntax=docker\/dockerfile:1\n[\s\S]*\nFROM /);
      const message = page.getByRole("status").filter({ hasText: "Some settings from the link were not used" });
      if (link.pageDropped.length) {
        await expect(message).toBeVisible();
        for (const field of link.pageDropped) {
          const label = fieldLabel(field);
          if (label.trim()) await expect(message).toContainText(label);
        }
      }
    }
    expect(await page.content()).not.toMatch(STACK);
    if (HYDRATED.has(link.id)) {
      await showIntent(page);
      await waitHydrated(page);
      await expect(page.getByRole("status").filter({ hasText: link.page === 303 ? "This link was not opened" : "Some settings from the link were not used" })).toBeVisible();
      expect(await page.content()).not.toMatch(STACK);
    }
    expect(errors).toEqual([]);
  });

  test(`api ?${link.id}: ${link.api}${link.api >= 400 ? " JSON naming the field" : ""}, never a 500`, async ({ request }) => {
    const res = await request.get(`/api/dockerfile?${link.query}`);
    expect(res.status()).toBe(link.api);
    const text = await res.text();
    expect(text).not.toMatch(STACK);
    if (link.api === 200) return;
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error: string; issues: { field: string; message: string }[] };
    expect(typeof body.error).toBe("string");
    expect(body.issues.length).toBeGreaterThan(0);
    for (const issue of body.issues) expect(issue).toEqual({ field: expect.any(String), message: expect.any(String) });
    if (link.api === 414) expect(body.issues[0].field).toBe("query");
    else for (const field of link.pageDropped) expect(body.issues.map((i) => i.field)).toContain(field);
  });
}
