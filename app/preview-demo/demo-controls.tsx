"use client";

/** THROWAWAY DEMO (preview helper): switches the preview's text and stale flag, for e2e/preview.spec.ts. */
import { useState } from "react";
import { DockerfilePreview, type PreviewLineNote } from "@/components/preview/dockerfile-preview";

interface Variant {
  dockerfile: string;
  dockerignore: string;
  lineNotes: PreviewLineNote[];
}

export function DemoControls({ variants }: { variants: Variant[] }) {
  const [index, setIndex] = useState(0);
  const [stale, setStale] = useState(false);
  const v = variants[index];

  return (
    <div>
      <div className="mb-4 flex gap-2">
        <button
          type="button"
          className="rounded border border-border px-3 py-1 text-sm"
          onClick={() => setIndex((i) => (i + 1) % variants.length)}
        >
          Switch text
        </button>
        <button type="button" className="rounded border border-border px-3 py-1 text-sm" onClick={() => setStale((s) => !s)}>
          Toggle stale
        </button>
      </div>
      <DockerfilePreview
        stale={stale}
        lineNotes={v.lineNotes}
        files={[
          { name: "Dockerfile", text: v.dockerfile, language: "dockerfile" },
          { name: ".dockerignore", text: v.dockerignore, language: "ignore" },
        ]}
      />
    </div>
  );
}
