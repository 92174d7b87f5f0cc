"use client";

import { useEffect, useState } from "react";
import { adoptPreHydrationInput, releaseHeldClicks } from "@/browser/pre-hydration-input";
import type { Finding } from "@/lib/rules/types";
import { Button } from "@/components/ui/button";

type Check = typeof import("@/lib/check");
let loading: Promise<Check> | null = null;
/** lib/check.ts (dockerfile-ast, the rules) loads at the first check, not with the page. */
export const loadCheck = () => (loading ??= import("@/lib/check").catch((e) => { loading = null; throw e; }));

const TONE: Record<Finding["severity"], string> = {
  error: "border-red-600 text-red-700 dark:text-red-400",
  warning: "border-amber-500 text-amber-700 dark:text-amber-400",
  info: "border-input text-muted-foreground",
};

const TEXTAREA = "mt-1 w-full rounded-md border border-input bg-background px-2 py-1.5 font-mono text-sm";

export function CheckDockerfile() {
  const [text, setText] = useState("");
  const [requirements, setRequirements] = useState("");
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [rebuild, setRebuild] = useState<{ href: string | null; read: string[]; dropped: string[] } | null>(null);
  // The page hydrates on the first intent, like the wizard (lib/http/deferred-hydration.mjs): what was typed
  // meanwhile is handed to React, the clicks held are replayed, and the place is marked interactive.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    adoptPreHydrationInput();
    releaseHeldClicks();
    setReady(true);
  }, []);

  async function check() {
    try {
      const c = await loadCheck();
      const r = c.checkDockerfile(text, requirements);
      setFindings(r.ok ? r.findings : null);
      setMessage(r.ok ? null : r.message);
      const q = c.rebuildQuery(text, requirements);
      setRebuild({ href: q.query ? `/?${q.query}` : null, read: q.read, dropped: q.dropped });
    } catch (e) {
      setFindings(null);
      setMessage(`The check could not run: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const lines = text.split("\n");
  return (
    <section aria-labelledby="check-title" data-ready={ready || undefined} className="border-t py-6">
      <h2 id="check-title" className="text-xl font-semibold">
        Audit a Dockerfile
      </h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <div>
          <label htmlFor="check-dockerfile" className="text-sm font-medium">
            Dockerfile
          </label>
          <textarea id="check-dockerfile" value={text} onChange={(e) => setText(e.target.value)} rows={18} spellCheck={false} className={TEXTAREA} />
          <label htmlFor="check-requirements" className="mt-3 block text-sm font-medium">
            requirements.txt (optional: lets the rules see what pip installs from a file)
          </label>
          <textarea id="check-requirements" value={requirements} onChange={(e) => setRequirements(e.target.value)} rows={4} spellCheck={false} className={TEXTAREA} />
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <Button variant="primary" onClick={check} disabled={text.trim() === ""}>
              Check
            </Button>
            {rebuild?.href ? (
              <a href={rebuild.href} className="rounded-md border border-input px-3 py-1.5 text-sm font-medium hover:bg-muted">
                Rebuild with Wheelwright
              </a>
            ) : null}
          </div>
          {rebuild && (rebuild.read.length > 0 || rebuild.dropped.length > 0) ? (
            <p className="mt-2 text-sm text-muted-foreground">
              {rebuild.read.length ? `The wizard will start from: ${rebuild.read.join(", ")}.` : ""} {rebuild.dropped.length ? `Not kept: ${rebuild.dropped.join("; ")}.` : ""}
            </p>
          ) : null}
        </div>
        <div aria-live="polite">
          <h3 className="text-sm font-medium">Findings</h3>
          {message ? <p role="alert" className="mt-2 text-sm text-red-700">{message}</p> : null}
          {findings === null && !message ? <p className="mt-2 text-sm text-muted-foreground">Paste a Dockerfile and choose Check.</p> : null}
          {findings?.length === 0 ? <p className="mt-2 text-sm">No findings.</p> : null}
          {findings && findings.length > 0 ? (
            <ol aria-label="Findings" className="mt-2 space-y-2">
              {findings.map((f, i) => (
                <li key={i} data-rule={f.rule} data-severity={f.severity} className={`border-l-4 pl-3 text-sm ${TONE[f.severity]}`}>
                  <p className="font-medium">
                    {f.line > 0 ? `Line ${f.line}` : "File"} · {f.severity} · <code>{f.rule}</code>
                  </p>
                  {f.line > 0 && lines[f.line - 1] !== undefined ? <pre className="mt-0.5 whitespace-pre-wrap break-all text-xs text-muted-foreground">{lines[f.line - 1].slice(0, 200)}</pre> : null}
                  <p className="text-foreground">{f.message}</p>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      </div>
    </section>
  );
}
