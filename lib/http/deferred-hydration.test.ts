import { describe, expect, it } from "vitest";
import { DEFERRED_SRC, DRAFT_COOKIE, bootScriptTag, createScriptDeferrer, hydratesAtOnce, nonceFromCsp } from "./deferred-hydration.mjs";

/** The head and the start of the body, as Next.js 16 writes them (attribute order varies between tags). */
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N1" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" nonce="N1" href="/_next/static/chunks/runtime.js"/>',
  '<script src="/_next/static/chunks/main.js" async="" nonce="N1"></script>',
  '<script src="/_next/static/chunks/poly.js" noModule="" nonce="N1"></script>',
  '<title>Wheelwright</title><link rel="icon" href="/icon.svg"/></head>',
  '<body><p>text with a < sign and a > sign</p>',
  '<script nonce="N1">self.__next_f.push([1,"\\u003cscript src=\\"/_next/static/x.js\\"\\u003e"])</script>',
  '<script src="/_next/static/chunks/runtime.js" nonce="N1" async=""></script>',
  '<script src="https://example.org/other.js"></script>',
  "</body></html>",
].join("");

function rewriteInChunks(html: string, size: number, nonce: string | null = "N1"): string {
  const d = createScriptDeferrer({ nonce });
  let out = "";
  for (let i = 0; i < html.length; i += size) out += d.push(html.slice(i, i + size));
  return out + d.end();
}

describe("createScriptDeferrer", () => {
  const whole = rewriteInChunks(PAGE, PAGE.length);

  it("turns every Next.js script into a deferred tag that runs nothing, keeping its other attributes", () => {
    expect(whole).toContain(`<script ${DEFERRED_SRC}="/_next/static/chunks/main.js" async="" nonce="N1"></script>`);
    expect(whole).toContain(`<script ${DEFERRED_SRC}="/_next/static/chunks/poly.js" noModule="" nonce="N1"></script>`);
    expect(whole).toContain(`<script ${DEFERRED_SRC}="/_next/static/chunks/runtime.js" nonce="N1" async=""></script>`);
    expect(whole).not.toMatch(/<script[^>]*\ssrc="\/_next\//);
  });

  it("drops Next's script preload hints and keeps everything else", () => {
    expect(whole).not.toContain('rel="preload"');
    expect(whole).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(whole).toContain('<script src="https://example.org/other.js"></script>');
    expect(whole).toContain("<p>text with a < sign and a > sign</p>");
    // Inline scripts are left alone, including what looks like a tag inside their (escaped) text.
    expect(whole).toContain('self.__next_f.push([1,"\\u003cscript src=\\"/_next/static/x.js\\"\\u003e"])');
  });

  it("puts the boot script first in <head>, once, with the nonce", () => {
    expect(whole.startsWith(`<!DOCTYPE html><html lang="en"><head>${bootScriptTag("N1")}<meta charSet="utf-8"/>`)).toBe(true);
    expect(whole.split("window.__wheelwrightBoot").length).toBe(2);
    expect(bootScriptTag("N1")).toMatch(/\}\)\(false,"data-deferred-src"\)<\/script>$/);
    expect(createScriptDeferrer({ nonce: "N1", atOnce: true }).push(PAGE)).toContain('})(true,"data-deferred-src")</script>');
  });

  it("gives the same result however the stream is cut, even inside a tag or an attribute", () => {
    for (const size of [1, 2, 3, 7, 16, 61, 128, 500]) expect(rewriteInChunks(PAGE, size), `chunks of ${size}`).toBe(whole);
  });

  it("leaves the nonce out when the response has none, and never lets a nonce break out of its attribute", () => {
    expect(rewriteInChunks(PAGE, 50, null)).toContain("<head><script>(");
    expect(bootScriptTag('x" onload="alert(1)')).toMatch(/^<script nonce="xonload=alert1">/);
  });

  it("changes nothing in a document without Next.js scripts except adding the boot script", () => {
    const plain = "<html><head><title>t</title></head><body><script>1</script></body></html>";
    expect(rewriteInChunks(plain, 5, null)).toBe(plain.replace("<head>", `<head>${bootScriptTag(null)}`));
  });
});

describe("nonceFromCsp", () => {
  it("reads the script nonce of a policy", () => {
    expect(nonceFromCsp("default-src 'self'; script-src 'self' 'nonce-ab+/9=='; style-src 'self'")).toBe("ab+/9==");
    expect(nonceFromCsp("default-src 'none'")).toBeNull();
    expect(nonceFromCsp(undefined)).toBeNull();
  });
});

describe("hydratesAtOnce", () => {
  it("is true for a page request with the draft cookie and no share parameters", () => {
    expect(hydratesAtOnce("/", `a=b; ${DRAFT_COOKIE}=1`)).toBe(true);
    expect(hydratesAtOnce("/#output", `${DRAFT_COOKIE}=1; c=d`)).toBe(true);
    expect(hydratesAtOnce("/?python=3.12", `${DRAFT_COOKIE}=1`)).toBe(false); // a share link wins over the draft
    expect(hydratesAtOnce("/", `${DRAFT_COOKIE}=0`)).toBe(false);
    expect(hydratesAtOnce("/", `x${DRAFT_COOKIE}=1`)).toBe(false);
    expect(hydratesAtOnce("/", undefined)).toBe(false);
  });
});
