import { useMemo } from "react";
import { WeightChart } from "@/components/estimate/weight-chart";
import { DockerfilePreview } from "@/components/preview/dockerfile-preview";
import { encodeShare } from "@/lib/share";
import { outputFiles } from "@/lib/wizard/files";
import { OutputActions } from "./output-actions";
import { PackageSummary } from "./package-summary";
import type { SectionProps } from "./section-props";
import { WarningsCount, WarningsPanel } from "./warnings-panel";

/** The generated files (always from generate()), what to do with them, and what to know about them. */
export function OutputPanel({ state, generated, estimatePending = false }: Pick<SectionProps, "state" | "generated"> & { estimatePending?: boolean }) {
  const files = useMemo(() => outputFiles(state.spec, generated), [state.spec, generated]);
  const shareQuery = useMemo(() => {
    const r = encodeShare(state.spec);
    return r.ok ? ({ ok: true, query: r.query } as const) : ({ ok: false, message: r.message } as const);
  }, [state.spec]);
  return (
    <section id="output" aria-labelledby="output-title" className="scroll-mt-4 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="output-title" className="text-lg font-semibold tracking-tight">
          Dockerfile
        </h2>
        <p className="font-mono text-xs text-muted-foreground">
          {generated.plan.builder.image} → {generated.plan.final.image}
        </p>
      </div>
      <OutputActions files={files} shareQuery={shareQuery} />
      <WarningsCount warnings={generated.warnings} />
      <DockerfilePreview files={files} lineNotes={generated.lineNotes} stale={state.stale} />
      <WeightChart estimate={generated.estimate} pending={estimatePending} />
      <WarningsPanel warnings={generated.warnings} />
      <PackageSummary packages={generated.plan.packages} />
    </section>
  );
}
