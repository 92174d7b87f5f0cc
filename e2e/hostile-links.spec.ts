import { expect, test } from "@playwright/test";
import { fieldLabel } from "../components/wizard/field-labels";
import { HOSTILE_LINKS } from "../lib/testing/hostile-links";
import { previewText } from "./wizard-helpers";

/** What a stack trace or a framework error page looks like. */
const STACK = /\bat [\w.$<>]+ \(|node_modules|webpack|turbopack:\/\/|\.tsx?:\d+|Internal Server Error|Application error/i;

test.describe.configure({ mode: "parallel" });

// Every entry of lib/testing/hostile-links.json, as a page link and as an API query.
for (const link of HOSTILE_LINKS) {
  test(`page /?${link.id}: ${link.page === 200 ? "the wizard opens and says what it dropped" : `a clean ${link.page}`}`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    if (link.page !== 200) {
      // Refused by Node's HTTP server before the app runs (its 16 KiB header limit): an empty answer, for which the
      // browser shows its own error page ("HTTP ERROR 431"); nothing of the app, no stack trace.
      const answer = page.waitForResponse((r) => r.request().isNavigationRequest());
      const failure = await page.goto(`/?${link.query}`).then(() => null, (e: Error) => e.message);
      expect(failure).toContain("ERR_HTTP_RESPONSE_CODE_FAILURE");
      expect((await answer).status()).toBe(link.page);
      const shown = () => page.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      await expect.poll(shown).toContain(String(link.page));
      expect(await shown()).not.toMatch(STACK);
      return;
    }
    const res = await page.goto(`/?${link.query}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator("[data-ready]")).toBeAttached();
    await expect(page.getByRole("heading", { level: 1, name: "Wheelwright" })).toBeVisible();
    expect(await previewText(page)).toMatch(/^# syntax=docker\/dockerfile:1\n[\s\S]*\nFROM /);

    const message = page.getByRole("status").filter({ hasText: "Some settings from the link were not used" });
    if (link.pageDropped.length) {
      await expect(message).toBeVisible();
      for (const field of link.pageDropped) {
        const label = fieldLabel(field);
        if (label.trim()) await expect(message).toContainText(label);
      }
    }
    expect(await page.content()).not.toMatch(STACK);
    expect(errors).toEqual([]);
  });

  test(`api ?${link.id}: ${link.api}${link.api >= 400 && link.api < 431 ? " JSON naming the field" : ""}, never a 500`, async ({ request }) => {
    const res = await request.get(`/api/dockerfile?${link.query}`);
    expect(res.status()).toBe(link.api);
    const text = await res.text();
    expect(text).not.toMatch(STACK);
    if (link.api === 431) {
      expect(text).toBe("");
      return;
    }
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
