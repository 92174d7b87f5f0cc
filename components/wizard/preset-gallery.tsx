import { memo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PRESETS, type Preset } from "@/lib/presets/catalog";

/** The presets: a title, the story in one sentence, the note on request. */
function PresetCards({ presets, activeId, onUse }: { presets: readonly Preset[]; activeId: string | null; onUse: (preset: Preset) => void }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {presets.map((p) => {
        const active = p.id === activeId;
        const titleId = `preset-${p.id}-title`;
        return (
          <li key={p.id} aria-labelledby={titleId} className={`flex flex-col rounded-lg border p-3 ${active ? "border-accent bg-accent-soft" : "border-border"}`}>
            <div className="flex flex-wrap items-center gap-1.5">
              <h3 id={titleId} className="text-sm font-semibold">
                {p.title}
              </h3>
              {p.seed ? <Badge>seed {p.seed}</Badge> : null}
              {active ? <Badge tone="accent">in use</Badge> : null}
            </div>
            <p className="mt-1 text-sm text-muted-foreground">{p.story}</p>
            {p.note ? (
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-muted-foreground">What this fixes from the article</summary>
                <p className="mt-1 text-xs text-muted-foreground">{p.note}</p>
              </details>
            ) : null}
            <div className="mt-auto pt-2">
              <Button size="sm" variant={active ? "secondary" : "primary"} onClick={() => onUse(p)}>
                {active ? "Reapply" : "Use"} <span className="sr-only">preset </span>
                <span className="sr-only">{p.title}</span>
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The seed scenarios first; the other presets one click away (open when one of them is in use). */
export const PresetGallery = memo(function PresetGallery({ activeId, onUse }: { activeId: string | null; onUse: (preset: Preset) => void }) {
  const seeds = PRESETS.filter((p) => p.seed);
  const others = PRESETS.filter((p) => !p.seed);
  return (
    <div className="space-y-3">
      <PresetCards presets={seeds} activeId={activeId} onUse={onUse} />
      {others.length ? (
        <details open={others.some((p) => p.id === activeId) || undefined} className="group">
          <summary className="cursor-pointer text-sm font-medium">More presets ({others.length}): common stacks</summary>
          <div className="mt-3">
            <PresetCards presets={others} activeId={activeId} onUse={onUse} />
          </div>
        </details>
      ) : null}
    </div>
  );
});
