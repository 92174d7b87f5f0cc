"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, errorId, fieldId, hintId } from "@/components/ui/field-ids";
import { INPUT_CLASS } from "@/components/ui/text-field";
import type { LineProblem, ParsedRequirements } from "@/lib/requirements";
import type { Requirement } from "@/lib/spec";
import { withEngine } from "@/browser/engine";
import { lazyModule } from "@/browser/lazy-module";

/** The TOML parser (smol-toml), loaded only when a pyproject.toml is pasted. */
const pyproject = lazyModule(
  () => import("@/lib/pyproject"),
  (err) => console.warn("Paste: the pyproject.toml reader could not be loaded.", err),
);

interface Result {
  /** The text this result is about: once the text changes (typing, start over) it no longer shows. */
  text: string;
  added: number;
  format: "requirements" | "pyproject";
  problems: LineProblem[];
}

/** Paste a requirements.txt or pyproject.toml: the packages become chips; the text stays. */
export function PasteRequirements({ text, onText, onAdd }: { text: string; onText: (t: string) => void; onAdd: (reqs: Requirement[]) => void }) {
  const [stored, setResult] = useState<Result | null>(null);
  const result = stored?.text === text ? stored : null;
  const path = "paste";
  const problems = result?.problems ?? [];

  /** `pasted` is the text as it was when the button was pressed (the parsers may arrive later). */
  function show(pasted: string, r: ParsedRequirements, format: Result["format"]) {
    if (r.requirements.length) onAdd(r.requirements);
    setResult({ text: pasted, added: r.requirements.length, format, problems: r.problems });
  }

  function read() {
    const pasted = text;
    // The requirements parser is in the engine (it may still be loading); the TOML parser is loaded only when TOML
    // is pasted. Neither is in the page's first JavaScript.
    withEngine(({ looksLikePyproject, parseRequirementsTxt }) => {
      if (!looksLikePyproject(pasted)) return show(pasted, parseRequirementsTxt(pasted), "requirements");
      pyproject.load().then(
        ({ parsePyproject }) => show(pasted, parsePyproject(pasted), "pyproject"),
        () => setResult({ text: pasted, added: 0, format: "pyproject", problems: [{ line: 0, text: "", message: "the pyproject.toml reader could not be loaded; reload the page" }] }),
      );
    });
  }

  return (
    <div>
      <label htmlFor={fieldId(path)} className="block text-sm font-medium">
        Or paste a requirements.txt or pyproject.toml
      </label>
      <p id={hintId(path)} className="text-xs text-muted-foreground">
        Each package becomes a chip above; lines that cannot be read are listed with their number.
      </p>
      <textarea
        id={fieldId(path)}
        value={text}
        onChange={(e) => onText(e.target.value)}
        rows={5}
        spellCheck={false}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy(path, true, problems.length > 0)}
        className={`mt-1 ${INPUT_CLASS} font-mono`}
      />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button onClick={read} disabled={text.trim() === ""}>
          Add packages from text
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {result
            ? `Added ${result.added} package${result.added === 1 ? "" : "s"} from ${result.format === "pyproject" ? "pyproject.toml" : "requirements.txt"}${
                problems.length ? `; ${problems.length} line${problems.length === 1 ? "" : "s"} could not be read` : ""
              }.`
            : ""}
        </p>
      </div>
      {problems.length ? (
        <div id={errorId(path)} className="mt-2 rounded-md border border-danger bg-danger-soft p-2 text-sm text-danger">
          <p className="font-medium">Lines that could not be read:</p>
          <ul aria-label="Lines that could not be read" className="mt-1 space-y-1">
            {problems.map((p, i) => (
              <li key={i}>
                {p.line > 0 ? <>Line {p.line}: </> : null}
                {p.text ? <code className="font-mono break-all">{p.text}</code> : null}
                {p.text ? " — " : ""}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
