/**
 * THROWAWAY DEMO PAGE (preview helper): exercises components/preview/ in isolation for e2e/preview.spec.ts.
 * The lead decides whether to keep it (as a test fixture) or delete it together with demo-controls.tsx and
 * e2e/preview.spec.ts once the wizard page covers the same journeys.
 */
import type { Metadata } from "next";
import { generate } from "@/lib/generate";
import { presetById, presetSpec } from "@/lib/presets";
import { DEFAULT_SPEC } from "@/lib/spec";
import { DemoControls } from "./demo-controls";

// Rendered per request like every page (app/layout.tsx): a prerendered page would miss the CSP nonce.

export const metadata: Metadata = {
  title: "Preview demo — Wheelwright",
  robots: { index: false },
};

export default function PreviewDemoPage() {
  const main = generate(DEFAULT_SPEC);
  const preset = presetById("django-postgres");
  const other = generate(preset ? presetSpec(preset) : DEFAULT_SPEC);
  const pick = (g: typeof main) => ({ dockerfile: g.dockerfile, dockerignore: g.dockerignore, lineNotes: g.lineNotes });

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-bold tracking-tight">Dockerfile preview (demo)</h1>
      <p className="mt-2 mb-6 text-sm">A test page for the preview component: the default spec, and another preset to switch to.</p>
      <DemoControls variants={[pick(main), pick(other)]} />
    </main>
  );
}
