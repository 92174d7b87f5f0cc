"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field-error";
import { describedBy, fieldId, hintId } from "@/components/ui/field-ids";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { VARIANTS } from "@/lib/knowledge/python-images";
import type { Stage } from "@/lib/wizard/edits";
import { withEngine } from "@/browser/engine";
import { useSpec } from "./spec-context";

/** Add your own system package to one stage; the schema checks the name for the image's distribution. */
export function AddSystemPackage({ stageLabels, onAdd }: { stageLabels: Record<Stage, string>; onAdd: (stage: Stage, name: string) => void }) {
  const spec = useSpec();
  const [name, setName] = useState("");
  const [stage, setStage] = useState<Stage>("runtime");
  const [error, setError] = useState<string | null>(null);
  const path = "systemPackages.new";
  const family = VARIANTS[stage === "build" ? spec.base : (spec.finalBase ?? spec.base)].family;

  function add() {
    const typed = name;
    const n = typed.trim();
    // The schema (in the engine, which may still be loading) judges the name.
    withEngine(({ systemPackageProblem }) => {
      const problem = systemPackageProblem(spec, stage, n);
      if (problem) {
        setError(problem);
        return;
      }
      onAdd(stage, n);
      setName((t) => (t === typed ? "" : t));
      setError(null);
    });
  }

  return (
    <div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1">
          <label htmlFor={fieldId(path)} className="block text-sm font-medium">
            Add a system package
          </label>
          <p id={hintId(path)} className="text-xs text-muted-foreground">
            {family === "alpine" ? "An Alpine (apk) package name" : "A Debian (apt) package name"}, e.g. {family === "alpine" ? "curl" : "curl or libxml2"}.
          </p>
          <input
            id={fieldId(path)}
            type="text"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(path, true, Boolean(error))}
            autoComplete="off"
            spellCheck={false}
            className={`mt-1 ${INPUT_CLASS} font-mono`}
          />
        </div>
        <div>
          <label htmlFor={`${fieldId(path)}-stage`} className="block text-sm font-medium">
            Stage
          </label>
          <select id={`${fieldId(path)}-stage`} value={stage} onChange={(e) => setStage(e.target.value as Stage)} className={`mt-1 ${INPUT_CLASS}`}>
            <option value="build">{stageLabels.build}</option>
            <option value="runtime">{stageLabels.runtime}</option>
          </select>
        </div>
        <Button onClick={add}>Add</Button>
      </div>
      <FieldMessage path={path} message={error || null} />
    </div>
  );
}
