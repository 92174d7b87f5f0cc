import { expect, test } from "@playwright/test";
import { fieldLabel } from "../components/wizard/field-labels";
import { generate } from "../lib/generate";
import { linkErrorMessage, parseLinkError } from "../lib/http/request-guard.mjs";
import { DEFAULT_SPEC } from "../lib/spec";
import { HOSTILE_LINKS } from "../lib/testing/hostile-links";
import { htmlText, previewText, servedPreview, showIntent, waitHydrated } from "./wizard-helpers";

/** What a stack trace or a framework error page looks like. */
const STACK = /\bat [\w.$<>]+ \(|node_modules|webpack|turbopack:\/\/|\.tsx?:\d+|Internal Server Error|Application error/i;

test.describe.configure({ mode: "parallel" });

// Every entry of lib/testing/hostile-links.json, as a page link and as an API query. A page link is decoded on the
// server only (the page gets the spec and what was dropped as props, never the raw link), so each entry's page is
// checked in the HTML the server answers, which is the whole page until someone uses it (it hydrates on intent).
// A sample is opened in the browser and hydrated: that adds nothing link-specific, and a browser per entry would
// cost minutes of the suite's time.

/** The entries whose pages are also opened in the browser and hydrated: one the guard refuses, the ones that drop the most fields. */
const IN_BROWSER = new Set([
  HOSTILE_LINKS.find((l) => l.page === 303)!.id,
  ...HOSTILE_LINKS.filter((l) => l.page === 200)
    .sort((a, b) => b.pageDropped.length - a.pageDropped.length)
    .slice(0, 4)
    .map((l) => l.id),
]);

/** The text of each role="status" element (the notices are <div role="status"> with no nested divs deeper than two). */
function statuses(html: string): string[] {
  return [...html.matchAll(/<div role="status"[^>]*>((?:(?!<div role=)[\s\S])*?<\/div><\/div>)/g)].map((m) => htmlText(m[1]));
}

for (const link of HOSTILE_LINKS) {
  const title = link.page === 303 ? "This link was not opened" : "Some settings from the link were not used";
  test(`page /?${link.id}: ${link.page === 200 ? "the wizard opens and says what it dropped" : "the wizard opens the default build and says why the link was not"}`, async ({ request, browser }) => {
    let status = 200;
    let url = `/?${link.query}`;
    if (link.page === 303) {
      // The request guard (server/main.mjs) answers before Next.js runs, also for heads over Node's 16 KiB limit:
      // 303 to /?link_error=<code>, where the wizard says why, with the default build.
      const first = await request.get(url, { maxRedirects: 0 });
      status = first.status();
      expect(status).toBe(303);
      url = first.headers()["location"];
      const code = new URL(url, "http://x").searchParams.get("link_error");
      expect(parseLinkError(code).code).toBe(link.linkError);
    }
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(STACK);
    expect(htmlText(html)).toContain("Wheelwright");
    const preview = servedPreview(html) ?? "";
    const notice = statuses(html).find((t) => t.startsWith(title));
    if (link.page === 303) {
      expect(htmlText(preview)).toBe(generate(DEFAULT_SPEC).dockerfile);
      expect(notice).toContain(linkErrorMessage(parseLinkError(new URL(url, "http://x").searchParams.get("link_error"))));
    } else {
      expect(htmlText(preview)).toMatch(/^# syntax=docker\/dockerfile:1\n[\s\S]*\nFROM /);
      if (link.pageDropped.length) {
        expect(notice, "the notice naming what was dropped").toBeDefined();
        for (const field of link.pageDropped) {
          const label = fieldLabel(field);
          if (label.trim()) expect(notice).toContain(label);
        }
      }
    }
    if (!IN_BROWSER.has(link.id)) return;

    // (A page only for these: a browser context per entry is most of this file's time.)
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`/?${link.query}`);
    await expect(page.getByRole("heading", { level: 1, name: "Wheelwright" })).toBeVisible();
    await showIntent(page);
    await waitHydrated(page);
    const shown = page.getByRole("status").filter({ hasText: title });
    await expect(shown).toBeVisible();
    if (notice) await expect(shown).toHaveText(notice.replace(/Dismiss$/, "") + "Dismiss");
    expect(await previewText(page)).toBe(htmlText(preview));
    expect(await page.content()).not.toMatch(STACK);
    expect(errors).toEqual([]);
    await context.close();
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
