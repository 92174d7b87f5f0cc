import { expect, test, type Page } from "@playwright/test";
import { generate } from "../lib/generate";
import { DEFAULT_SPEC } from "../lib/spec";
import { hoverPreviewForMonaco } from "./preview-helpers";
import { openWizard } from "./wizard-helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectCommonHeaders(headers: Record<string, string>) {
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], name).toBe(value);
  // Left out on purpose (lib/http/security-headers.ts): it would force a new renderer process on every arrival.
  expect(headers["cross-origin-opener-policy"]).toBeUndefined();
  const permissions = headers["permissions-policy"];
  for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "clipboard-write=(self)"]) expect(permissions).toContain(feature);
}

test("the page has a nonce-based CSP and the other security headers", async ({ request }) => {
  const res = await request.get("/");
  expect(res.status()).toBe(200);
  const headers = res.headers();
  expectCommonHeaders(headers);
  const csp = directives(headers["content-security-policy"]);
  const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(csp.get("script-src")?.find((v) => v.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  for (const name of ["default-src", "img-src", "font-src", "connect-src", "worker-src", "style-src"]) expect(csp.get(name)?.[0], name).toBe("'self'");
  expect(csp.get("img-src")).toEqual(["'self'", "data:"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");

  // Every script element of the HTML carries this response's nonce, and the next response has another.
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = directives((await request.get("/")).headers()["content-security-policy"]);
  expect(again.get("script-src")).not.toContain(`'nonce-${nonce}'`);
});

test("/api/dockerfile answers with the security headers and a CSP that allows nothing", async ({ request }) => {
  for (const path of ["/api/dockerfile?preset=django-postgres", "/api/dockerfile?python=2.7"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expectCommonHeaders(headers);
    expect(headers["content-security-policy"]).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }
});

/** Records CSP violations (event and console), page errors and every origin the page requests. */
async function watch(page: Page) {
  const origins = new Set<string>();
  const problems: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    origins.add(url.origin);
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to|Permissions-Policy|Unrecognized feature/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  return { origins, problems, violations };
}

test("with Monaco loaded and the wizard in use, the page talks only to its own origin and breaks no policy", async ({ page, baseURL }) => {
  const { origins, problems, violations } = await watch(page);
  await openWizard(page);
  // Monaco loads on intent: the pointer over the preview. Then hover a noted line: its note box (a content widget).
  await hoverPreviewForMonaco(page);
  const { dockerfile, lineNotes } = generate(DEFAULT_SPEC);
  const noted = lineNotes[0];
  await page.locator(".monaco-editor .view-line").filter({ hasText: dockerfile.split("\n")[noted.from - 1] }).first().hover();
  await expect(page.locator("[data-note-hover]")).toHaveText(noted.note);

  // Typing, choosing, copying, downloading and sharing.
  await page.getByRole("textbox", { name: "Port" }).fill("9000");
  await page.getByRole("radio", { name: /^Python 3\.13\b/ }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get("port")).toBe("9000");
  await page.getByRole("button", { name: "Copy Dockerfile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied the Dockerfile" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Dockerfile" }).click()]);
  expect(download.suggestedFilename()).toBe("Dockerfile");
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied the link" })).toBeVisible();
  await page.waitForTimeout(300);

  expect([...origins]).toEqual([new URL(baseURL!).origin]);
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});

test("the policy is enforced: a script injected without the nonce does not run, and is reported", async ({ page }) => {
  const { violations } = await watch(page);
  await openWizard(page);
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
});

test("unknown paths answer a plain 404 page with the same headers, without a stack trace", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  expectCommonHeaders(res!.headers());
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the designer" })).toHaveAttribute("href", "/");
  expect(await page.content()).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.tsx?:\d+/);
});
