"use client";

import { useState } from "react";
import type { TriageResult } from "@/lib/triage/triage";
import { Button } from "@/components/ui/button";
import { loadCheck } from "./check-dockerfile";

const BASES = ["slim-trixie", "slim-bookworm", "slim-bullseye", "alpine"] as const;

export function TriageBox() {
  const [log, setLog] = useState("");
  const [base, setBase] = useState<(typeof BASES)[number]>("slim-trixie");
  const [result, setResult] = useState<TriageResult | null>(null);
  const [failed, setFailed] = useState(false);

  async function run() {
    try {
      const c = await loadCheck();
      setResult(await c.triage(log, base));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <section aria-labelledby="triage-title" className="border-t py-6">
      <h2 id="triage-title" className="text-xl font-semibold">
        Why did my build fail?
      </h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <div>
          <label htmlFor="triage-log" className="text-sm font-medium">
            Build or start log
          </label>
          <textarea id="triage-log" value={log} onChange={(e) => setLog(e.target.value)} rows={12} spellCheck={false} className="mt-1 w-full rounded-md border border-input bg-background px-2 py-1.5 font-mono text-sm" />
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <label htmlFor="triage-base" className="text-sm font-medium">
              Base image
            </label>
            <select id="triage-base" value={base} onChange={(e) => setBase(e.target.value as (typeof BASES)[number])} className="rounded-md border border-input bg-background px-2 py-1 text-sm">
              {BASES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
            <Button variant="primary" onClick={run} disabled={log.trim() === ""}>
              Find the missing package
            </Button>
          </div>
        </div>
        <div aria-live="polite">
          <h3 className="text-sm font-medium">Diagnosis</h3>
          {failed ? <p role="alert" className="mt-2 text-sm text-red-700">The triage data could not be loaded; try again.</p> : null}
          {result && result.diagnoses.length === 0 ? <p className="mt-2 text-sm">Nothing in this log names a missing header, library, program or compiler.</p> : null}
          {result && result.diagnoses.length > 0 ? (
            <ol aria-label="Diagnoses" className="mt-2 space-y-3">
              {result.diagnoses.map((d, i) => (
                <li key={i} className="border-l-4 border-accent pl-3 text-sm">
                  <p className="font-medium">
                    Line {d.line}: <code>{d.missing}</code> is missing{d.pythonPackage ? ` (${d.pythonPackage})` : ""}
                  </p>
                  <p>{d.cause}.</p>
                  <p className="font-medium">{d.fix}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {result ? <p className="mt-2 text-xs text-muted-foreground">File index: {result.source}</p> : null}
        </div>
      </div>
    </section>
  );
}
