/**
 * Hydration on intent: the page's HTML is complete without JavaScript (the wizard, the Dockerfile, the estimate,
 * all rendered on the server), so its framework scripts (Next.js's runtime, React, the wizard: about 160 KB gzip
 * and, on a phone, a second or more of main-thread work) run only when somebody starts to use the page: a key, a
 * touch, a press, a click, keyboard focus, the mouse wheel, or a mouse moving over it. A page that is only read
 * (or whose Dockerfile is only copied by selecting it) costs no script at all. The scripts are still downloaded
 * once the page has loaded (prefetched, not run), so the first intent only has to run them.
 *
 * Two parts, both plain JavaScript without Node APIs (server/main.mjs loads this with bare `node`; the page's
 * draft storage imports the cookie's name from here):
 * - createScriptDeferrer(): rewrites the HTML stream Next.js writes. Every `<script src="/_next/static/…">` becomes
 *   a `<script data-deferred-src="…">` with no source (it runs nothing), Next's `<link rel="preload" as="script">`
 *   hints go (they would spend the first seconds' bandwidth on scripts that do not run yet), and the boot script
 *   below goes first into <head>, with the response's CSP nonce.
 * - bootDeferredHydration(): the boot script. At the first intent it turns the deferred tags back into scripts.
 *   What the visitor does before React has hydrated is not lost: a click on a button, tab or option, and Enter
 *   in a one-line field, are held and replayed once the wizard reports that it is hydrated (window.__wheelwrightBoot.hydrated(), called by
 *   browser/pre-hydration-input.ts, which also hands React the text typed and the boxes ticked
 *   meanwhile). A stored draft, which only the wizard can show, starts hydration at once (DRAFT_COOKIE).
 *
 * `next dev` has no such server: there the page hydrates as soon as it loads, and window.__wheelwrightBoot is absent.
 */
import { splitTarget } from "./request-guard.mjs";

/**
 * The cookie the wizard sets while a draft is stored (browser/draft-storage.ts; its value is only "1",
 * the draft itself stays in localStorage): a page request without share parameters that carries it hydrates at
 * once, so the draft is shown without waiting for an intent. The server reads it rather than the boot script
 * reading localStorage, whose first access costs a synchronous round trip to the browser (milliseconds) in the
 * middle of parsing the page.
 */
export const DRAFT_COOKIE = "wheelwright_draft";
const DRAFT_COOKIE_SET = new RegExp(`(?:^|;\\s*)${DRAFT_COOKIE}=1(?:;|$)`);

/** Whether a page request should hydrate at once: it carries the draft cookie and no share parameters. */
export function hydratesAtOnce(url, cookieHeader) {
  return splitTarget(String(url ?? "/")).query === "" && DRAFT_COOKIE_SET.test(String(cookieHeader ?? ""));
}

/** The attribute that carries a deferred script's URL. */
export const DEFERRED_SRC = "data-deferred-src";

/**
 * The boot script (serialised into the page with Function.prototype.toString, so it must not refer to anything
 * outside its own body). Written for every browser Next.js supports; no framework, no module.
 */
export function bootDeferredHydration(atOnce, srcAttribute) {
  var doc = document;
  var root = doc.documentElement;
  var started = false;
  var hydrated = false;
  var held = [];
  var intents = ["keydown", "pointerdown", "touchstart", "focusin", "click", "input", "wheel", "pointermove"];
  var opts = { capture: true, passive: true };

  function each(selector, f) {
    var list = doc.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) f(list[i]);
  }
  function start() {
    if (started) return;
    started = true;
    root.setAttribute("data-intent", "");
    for (var i = 0; i < intents.length; i++) doc.removeEventListener(intents[i], onIntent, opts);
    run();
    // Started while the HTML is still arriving (a stored draft, an early touch): the tags parsed later too.
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", run);
  }
  function run() {
    each("script[" + srcAttribute + "]", function (old) {
      var s = doc.createElement("script");
      s.src = old.getAttribute(srcAttribute);
      s.async = true;
      if (old.nonce) s.nonce = old.nonce;
      if (old.hasAttribute("nomodule")) s.noModule = true;
      old.parentNode.replaceChild(s, old);
    });
  }
  function onIntent(e) {
    // A touch also moves the pointer: the touchstart before it counts, the move alone does not.
    if (e.type === "pointermove" && e.pointerType === "touch") return;
    start();
  }
  // Before hydration a button does nothing: hold the click and replay it once React is there.
  function onClick(e) {
    if (hydrated || !(e.target instanceof Element)) return;
    var target = e.target.closest("button, [role=button], [role=tab], [role=option]");
    if (!target || target.disabled) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push(function () {
      if (target.isConnected) target.click();
    });
  }
  // Enter in a one-line field (the package box adds the name typed) does nothing either: hold it too.
  function onEnter(e) {
    var target = e.target;
    if (hydrated || e.key !== "Enter" || !(target instanceof HTMLInputElement)) return;
    held.push(function () {
      if (target.isConnected) target.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true }));
    });
  }
  doc.addEventListener("click", onClick, true);
  doc.addEventListener("keydown", onEnter, true);
  for (var i = 0; i < intents.length; i++) doc.addEventListener(intents[i], onIntent, opts);

  window.__wheelwrightBoot = {
    /**
     * Called by the page once it is hydrated: the clicks and Enters held meanwhile are replayed, in order, in a
     * task of their own, so that React has rendered the text handed to it first (an Enter or an "Add" acts on it).
     */
    hydrated: function () {
      if (hydrated) return;
      hydrated = true;
      doc.removeEventListener("click", onClick, true);
      doc.removeEventListener("keydown", onEnter, true);
      var replays = held.splice(0);
      if (replays.length)
        setTimeout(function () {
          for (var i = 0; i < replays.length; i++) replays[i]();
        }, 0);
    },
  };

  // A returning visitor's draft is shown by the wizard: hydrate now (the server saw the draft cookie).
  if (atOnce) start();
  // Once the page has loaded, fetch (not run) the deferred scripts, so the first intent only has to run them:
  // one per idle moment (starting a fetch costs the main thread a couple of milliseconds).
  var pending = [];
  // browser/when-idle.ts's fallback, repeated: this script cannot import.
  function later(f) {
    if (window.requestIdleCallback) requestIdleCallback(f, { timeout: 2000 });
    else setTimeout(f, 50);
  }
  function prefetchNext() {
    var src = pending.shift();
    if (started || !src) return;
    var link = doc.createElement("link");
    link.rel = "prefetch";
    link.as = "script";
    link.href = src;
    doc.head.appendChild(link);
    later(prefetchNext);
  }
  addEventListener("load", function () {
    each("script[" + srcAttribute + "]", function (old) {
      // A polyfill this browser does not run is not fetched either.
      if (!(old.hasAttribute("nomodule") && "noModule" in old)) pending.push(old.getAttribute(srcAttribute));
    });
    later(prefetchNext);
  });
}

/** The boot script as an inline <script> element, with the nonce (when the response has one). */
export function bootScriptTag(nonce, atOnce = false) {
  const attr = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=_-]/g, "")}"` : "";
  return `<script${attr}>(${bootDeferredHydration.toString()})(${atOnce ? "true" : "false"},${JSON.stringify(DEFERRED_SRC)})</script>`;
}

/** The nonce of a Content-Security-Policy header value ('nonce-…' in script-src), or null. */
export function nonceFromCsp(csp) {
  const m = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(String(csp ?? ""));
  return m ? m[1] : null;
}

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const PRELOAD_SCRIPT_LINK = /<link\b[^>]*\brel="preload"[^>]*\bas="script"[^>]*\/?>|<link\b[^>]*\bas="script"[^>]*\brel="preload"[^>]*\/?>/gi;
const NEXT_SCRIPT_SRC = /\ssrc="(\/_next\/static\/[^"]+\.js)"/i;

function rewrite(html) {
  return html
    .replace(SCRIPT_TAG, (tag) => tag.replace(NEXT_SCRIPT_SRC, (_, src) => ` ${DEFERRED_SRC}="${src}"`))
    .replace(PRELOAD_SCRIPT_LINK, (tag) => (NEXT_SCRIPT_SRC.test(tag.replace(/\shref=/i, " src=")) ? "" : tag));
}

/**
 * A rewriter for one HTML response, fed its text in order. A tag cut in two by a chunk boundary is held back
 * until its end arrives (the text after the last `<` without a `>`), so every tag is rewritten whole; React
 * escapes `<` inside the inline scripts it writes, so nothing inside them looks like a tag.
 */
export function createScriptDeferrer({ nonce = null, atOnce = false } = {}) {
  let carry = "";
  let bootDone = false;
  function process(text, final) {
    let s = carry + text;
    carry = "";
    if (!final) {
      const lt = s.lastIndexOf("<");
      if (lt !== -1 && s.indexOf(">", lt) === -1) {
        carry = s.slice(lt);
        s = s.slice(0, lt);
      }
    }
    s = rewrite(s);
    if (!bootDone) {
      const head = /<head\b[^>]*>/i.exec(s);
      if (head) {
        bootDone = true;
        const at = head.index + head[0].length;
        s = s.slice(0, at) + bootScriptTag(nonce, atOnce) + s.slice(at);
      }
    }
    return s;
  }
  return {
    /** The rewritten text for this chunk (possibly shorter: a partial tag waits for the next one). */
    push: (text) => process(text, false),
    /** What is left at the end of the response. */
    end: () => process("", true),
  };
}
