import { memo, useMemo } from "react";
import { WeightChart } from "@/components/estimate/weight-chart";
import { DockerfilePreview } from "@/components/preview/dockerfile-preview";
import type { BuildSpec } from "@/lib/spec";
import { outputFiles } from "@/lib/wizard/files";
import { OutputActions } from "./output-actions";
import { PackageSummary } from "./package-summary";
import type { WizardOutput } from "./use-wizard";
import { WarningsCount, WarningsPanel } from "./warnings-panel";

/** The generated files (always from generate()), what to do with them, and what to know about them. */
export const OutputPanel = memo(function OutputPanel({
  spec,
  output,
  stale,
  loading = false,
  estimatePending = false,
}: {
  /** The last valid spec: what `output` was generated from. */
  spec: BuildSpec;
  output: WizardOutput;
  stale: boolean;
  /** The spec's package facts are loading: `output` is the previous spec's until they arrive. */
  loading?: boolean;
  estimatePending?: boolean;
}) {
  const { dependencySource, runtime } = spec;
  const { dockerfile, dockerfileHighlight, dockerignore, requirements } = output;
  // Only when a file changes (not when the estimate arrives), so the preview is not updated for nothing.
  const files = useMemo(
    () => outputFiles({ dependencySource, runtime }, { dockerfile, dockerfileHighlight, dockerignore, requirements }),
    [dependencySource, runtime, dockerfile, dockerfileHighlight, dockerignore, requirements],
  );
  return (
    <section id="output" aria-labelledby="output-title" className="scroll-mt-4 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="output-title" className="text-lg font-semibold tracking-tight">
          Dockerfile
        </h2>
        <p className="font-mono text-xs text-muted-foreground">
          {output.plan.builder.image} → {output.plan.final.image}
        </p>
      </div>
      <OutputActions files={files} spec={spec} />
      <WarningsCount warnings={output.warnings} />
      <DockerfilePreview files={files} lineNotes={output.lineNotes} stale={stale} loading={loading} />
      <WeightChart estimate={output.estimate} pending={estimatePending} />
      <WarningsPanel warnings={output.warnings} />
      <PackageSummary packages={output.plan.packages} />
    </section>
  );
});
