"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { SpecIssue } from "@/lib/spec";
import { COMMAND_HELPERS } from "@/lib/spec-options";
import { joinCommand } from "@/lib/wizard/command";

type Helper = (target: string, port: number) => string[];

/** The start command (exec form), typed as text, with one-click helpers from the library. */
export function CommandField({ value, port, issues, onValue }: { value: string; port: number | null; issues: readonly SpecIssue[]; onValue: (v: string) => void }) {
  const [target, setTarget] = useState("app:app");
  const helpers = Object.entries(COMMAND_HELPERS).map(([key, fn]) => ({ key, argv: (fn as Helper)(target.trim() || "app", port ?? 8000) }));
  return (
    <div className="space-y-2">
      <TextField
        path="runtime.command"
        label="Command"
        hint="Runs in exec form: no shell, the app is PID 1. Quote an argument that contains spaces."
        value={value}
        onValue={onValue}
        issues={issues}
        mono
      />
      <div className="rounded-md border border-border p-2.5">
        <TextField path="commandHelperTarget" label="App, module or script for a helper" value={target} onValue={setTarget} mono className="max-w-xs" />
        <p className="mt-2 text-xs text-muted-foreground" id="command-helpers-label">
          Fill in the command with:
        </p>
        <ul aria-labelledby="command-helpers-label" className="mt-1 flex flex-wrap gap-2">
          {helpers.map((h) => (
            <li key={h.key}>
              <Button size="sm" onClick={() => onValue(joinCommand(h.argv))}>
                <code className="font-mono">{joinCommand(h.argv)}</code>
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
