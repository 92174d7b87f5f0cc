"use client";

import { useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, errorId, fieldId, hintId } from "@/components/ui/field-ids";
import { INPUT_CLASS } from "@/components/ui/text-field";
import type { DependencyGroup, FileSpecOptions, InputFormat, LineProblem, ParsedRequirements, SkippedLine } from "@/lib/requirements";
import type { Requirement } from "@/lib/spec";
import { withEngine } from "@/browser/engine";
import { lazyModule } from "@/browser/lazy-module";

/** The TOML readers (smol-toml): pyproject.toml and the lock files, loaded only when one is pasted or dropped. */
const dependencyFile = lazyModule(
  () => import("@/lib/dependency-file"),
  (err) => console.warn("Paste: the TOML and lock file reader could not be loaded.", err),
);

const FORMAT_NAMES: Record<InputFormat, string> = {
  requirements: "requirements.txt",
  pyproject: "pyproject.toml",
  "uv-lock": "uv.lock",
  "poetry-lock": "poetry.lock",
  pylock: "pylock.toml",
  "pipfile-lock": "Pipfile.lock",
};

interface Result {
  /** The text this result is about: once the text changes (typing, start over) it no longer shows. */
  text: string;
  added: number;
  format: InputFormat;
  problems: LineProblem[];
  skipped: SkippedLine[];
  notes: LineProblem[];
}

const where = (p: { line: number; file?: string }) => (p.line > 0 ? <>{p.file ? `${p.file}, line` : "Line"} {p.line}: </> : null);

/**
 * Paste or drop a requirements.txt, pyproject.toml or lock file: the packages become chips; the text stays. Lines that
 * cannot be used are listed with their reason, lines whose marker is false for the chosen Python and platform as
 * skipped.
 */
export function PasteRequirements({
  text,
  python,
  platform,
  onText,
  onAdd,
}: {
  text: string;
  python: string;
  platform: string;
  onText: (t: string) => void;
  /**
   * The packages read; the project's requires-python when the file declares it; the packages cloned from Git; the
   * spec fields the file's own pip options set (--index-url, --pre, --no-binary…); a pyproject.toml's optional
   * dependency groups (`reqs` are then the packages it always installs); the text they were read from.
   */
  onAdd: (reqs: Requirement[], extra: { text: string; format: InputFormat; requiresPython?: string; gitPackages: string[]; options: FileSpecOptions; groups: DependencyGroup[] }) => void;
}) {
  const [stored, setResult] = useState<Result | null>(null);
  const [fileName, setFileName] = useState<{ text: string; name: string } | null>(null);
  const result = stored?.text === text ? stored : null;
  const path = "paste";
  const problems = result?.problems ?? [];

  /** `pasted` is the text as it was when the button was pressed (the parsers may arrive later). */
  function show(pasted: string, r: ParsedRequirements, format: InputFormat, gitPackages: string[], options: FileSpecOptions) {
    if (r.requirements.length || r.requiresPython) onAdd(r.requirements, { text: pasted, format, requiresPython: r.requiresPython, gitPackages, options, groups: r.groups ?? [] });
    setResult({ text: pasted, added: r.requirements.length, format, problems: r.problems, skipped: r.skipped ?? [], notes: r.notes ?? [] });
  }

  function read() {
    const pasted = text;
    const name = fileName?.text === pasted ? fileName.name : undefined;
    // The requirements parser is in the engine (it may still be loading); the TOML readers are loaded only for TOML
    // and lock files. Neither is in the page's first JavaScript.
    withEngine(({ detectFormat, fileOptionsToSpec, gitPackagesOf, parseRequirementsTxt, targetEnvironment }) => {
      const format = detectFormat(pasted, name);
      const environment = targetEnvironment(python, platform);
      if (format === "requirements") {
        const r = parseRequirementsTxt(pasted, { environment });
        return show(pasted, r, format, gitPackagesOf(r), fileOptionsToSpec(r.options));
      }
      dependencyFile.load().then(
        ({ parseDependencyFile }) => {
          const r = parseDependencyFile(pasted, { format, environment });
          show(pasted, r, format, gitPackagesOf(r), fileOptionsToSpec(r.options));
        },
        () => setResult({ text: pasted, added: 0, format, problems: [{ line: 0, text: "", message: "the TOML reader could not be loaded; reload the page" }], skipped: [], notes: [] }),
      );
    });
  }

  function drop(e: DragEvent<HTMLTextAreaElement>) {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    file.text().then((t) => {
      setFileName({ text: t, name: file.name });
      onText(t);
    });
  }

  return (
    <div>
      <label htmlFor={fieldId(path)} className="block text-sm font-medium">
        Or paste a requirements.txt or pyproject.toml, or a lock file (or drop one)
      </label>
      <p id={hintId(path)} className="text-xs text-muted-foreground">
        Each package becomes a chip above: uv.lock, poetry.lock, pylock.toml and Pipfile.lock give every locked package. Lines that cannot be used are listed
        with their number and reason.
      </p>
      <textarea
        id={fieldId(path)}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onDragOver={(e) => e.dataTransfer.types.includes("Files") && e.preventDefault()}
        onDrop={drop}
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
            ? `Added ${result.added} package${result.added === 1 ? "" : "s"} from ${FORMAT_NAMES[result.format]}${
                problems.length ? `; ${problems.length} line${problems.length === 1 ? "" : "s"} could not be read` : ""
              }${result.skipped.length ? `; ${result.skipped.length} skipped by their markers` : ""}.`
            : ""}
        </p>
      </div>
      {problems.length ? (
        <div id={errorId(path)} className="mt-2 rounded-md border border-danger bg-danger-soft p-2 text-sm text-danger">
          <p className="font-medium">Lines that could not be read:</p>
          <ul aria-label="Lines that could not be read" className="mt-1 space-y-1">
            {problems.map((p, i) => (
              <li key={i}>
                {where(p)}
                {p.text ? <code className="font-mono break-all">{p.text}</code> : null}
                {p.text ? " — " : ""}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.skipped.length ? (
        <div className="mt-2 rounded-md border border-input p-2 text-sm">
          <p className="font-medium">Skipped for Python {python} on {platform} (their marker is false; pip skips them too):</p>
          <ul aria-label="Skipped lines" className="mt-1 space-y-1">
            {result.skipped.map((s, i) => (
              <li key={i}>
                {where(s)}
                <code className="font-mono break-all">{s.name}</code> — <code className="font-mono break-all">{s.marker}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.notes.length ? (
        <div className="mt-2 rounded-md border border-input p-2 text-sm text-muted-foreground">
          <p className="font-medium">Read, with a note:</p>
          <ul aria-label="Notes on lines" className="mt-1 space-y-1">
            {result.notes.map((n, i) => (
              <li key={i}>
                {where(n)}
                {n.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
