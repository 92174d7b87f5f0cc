/**
 * Weight of the build in Debian packages: the base image, the same build done in one stage, and this
 * (multi-stage) build, as horizontal CSS bars with their numbers as text, plus the plain sentence and the
 * heaviest packages multi-stage keeps out. Alpine shows "not estimated" with the reason.
 *
 * Client-safe and stateless (no hooks, no chart library). Every number is in the text, so the bars are
 * decoration (aria-hidden). Colours are the page's tokens (app/globals.css): bar fills meet 3:1 against
 * the background and all text meets 4.5:1, in light and dark schemes.
 */
import { memo } from "react";
import type { Estimate, Estimated } from "@/lib/estimate";

export interface WeightChartProps {
  estimate: Estimate;
  /** The estimate shown is the previous one; the new one is being computed (aria-busy). */
  pending?: boolean;
}

const HEAVY_KIND_LABEL: Record<Estimated["saved"]["heavy"][number]["kind"], string> = {
  compiler: "compiler",
  headers: "headers",
  perl: "perl",
  python: "Debian's Python",
  library: "library",
  tool: "tool",
};

function mb(value: number): string {
  return value >= 10 ? `${Math.round(value)} MB` : `${value.toFixed(1)} MB`;
}

interface Row {
  key: string;
  label: string;
  detail: string;
  mb: number;
  count: number;
  fill: string;
}

export const WeightChart = memo(function WeightChart({ estimate, pending = false }: WeightChartProps) {
  if (estimate.status !== "estimated") {
    return (
      <section aria-labelledby="weight-chart-title" aria-busy={pending || undefined} className="rounded border border-border p-4 text-sm">
        <h3 id="weight-chart-title" className="font-semibold text-foreground">
          Image weight
        </h3>
        <p className="mt-1 text-foreground">Not estimated.</p>
        <p className="mt-1 text-muted-foreground">{estimate.reason}</p>
      </section>
    );
  }

  const rows: Row[] = [
    { key: "base", label: "Base image", detail: estimate.base.image, mb: estimate.base.mb, count: estimate.base.count, fill: "bg-input" },
    {
      key: "single",
      label: "Single stage",
      detail: `${estimate.singleStage.image} + build and runtime packages`,
      mb: estimate.singleStage.mb,
      count: estimate.singleStage.count,
      fill: "bg-danger",
    },
    { key: "this", label: "This build", detail: `${estimate.thisBuild.image} + runtime packages`, mb: estimate.thisBuild.mb, count: estimate.thisBuild.count, fill: "bg-success" },
  ];
  const max = Math.max(...rows.map((r) => r.mb), 1);

  return (
    <section aria-labelledby="weight-chart-title" aria-busy={pending || undefined} className="rounded border border-border p-4 text-sm">
      <h3 id="weight-chart-title" className="font-semibold text-foreground">
        Image weight (Debian packages)
      </h3>
      <p className="mt-1 text-foreground">{estimate.sentence}</p>

      <ul className="mt-3 space-y-2" aria-label="Installed size of the Debian packages">
        {rows.map((row) => (
          <li key={row.key} className="grid grid-cols-[7rem_1fr] items-center gap-x-3 gap-y-0.5">
            <span className="font-medium text-foreground">{row.label}</span>
            <span className="text-foreground tabular-nums">
              {mb(row.mb)} <span className="text-muted-foreground">· {row.count} packages</span>
            </span>
            <span className="col-start-2 block h-3 rounded-sm bg-muted" aria-hidden="true">
              <span className={`block h-3 rounded-sm ${row.fill}`} style={{ width: `${Math.max((row.mb / max) * 100, 0.5)}%` }} />
            </span>
            <span className="col-start-2 truncate text-xs text-muted-foreground" title={row.detail}>
              {row.detail}
            </span>
          </li>
        ))}
      </ul>

      {estimate.saved.heavy.length > 0 && (
        <div className="mt-3">
          <h4 className="font-medium text-foreground">Heaviest packages kept out of the final image</h4>
          <ul className="mt-1 space-y-0.5">
            {estimate.saved.heavy.map((h) => (
              <li key={h.name} className="flex justify-between gap-3 tabular-nums">
                <span>
                  <code className="font-mono text-foreground">{h.name}</code>{" "}
                  <span className="text-muted-foreground">({HEAVY_KIND_LABEL[h.kind]})</span>
                </span>
                <span className="text-foreground">{mb(h.mb)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className="mt-3 text-muted-foreground">
        <summary className="cursor-pointer text-foreground">How this is estimated</summary>
        <p className="mt-1">
          {estimate.method} Sizes from Debian {estimate.snapshot}.
        </p>
        <ul className="mt-1 list-disc pl-5">
          {estimate.limits.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </details>
    </section>
  );
});
