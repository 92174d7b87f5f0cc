"use client";

import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Preset } from "@/lib/presets/catalog";
import type { Dropped } from "@/lib/share";
import type { BuildSpec } from "@/lib/spec";
import { slotsIn } from "@/lib/wizard/draft";
import { AdvancedSection } from "./advanced-section";
import { DependenciesSection } from "./dependencies-section";
import { SectionBoundary } from "./error-boundary";
import { fieldLabel } from "./field-labels";
import { ImageSection } from "./image-section";
import { IssueSummary } from "./issue-summary";
import { NoticeBanner } from "./notice-banner";
import { OutputPanel } from "./output-panel";
import { PresetGallery } from "./preset-gallery";
import { RuntimeSection } from "./runtime-section";
import { Section } from "./section";
import { SectionNav } from "./section-nav";
import { SpecContext } from "./spec-context";
import { StrategySection } from "./strategy-section";
import { SystemSection } from "./system-section";
import { useWizard, type InitialOutput } from "./use-wizard";

export interface WizardProps {
  /** The spec to start from: the share link's, or the default. */
  spec: BuildSpec;
  presetId: string | null;
  /** The page was opened with share parameters (they win over the stored draft). */
  fromUrl: boolean;
  /** What the share link carried that could not be used, and why. */
  dropped: Dropped[];
  /**
   * The output and weight estimate of `spec`, computed on the server: the page hydrates without the engine
   * (lib/engine.ts) and without lib/estimate.ts, and loads both after it is interactive.
   */
  initial: InitialOutput;
}

export function Wizard({ spec, presetId, fromUrl, dropped: initialDropped, initial }: WizardProps) {
  const { state, dispatch, edit, load, output, estimatePending, knowledgePending, outputSpec, startOver, ready } = useWizard({ spec, presetId, fromUrl, initial });
  const [dropped, setDropped] = useState(initialDropped);
  const wholeLink = dropped.filter((d) => d.field === "query");
  const restart = useCallback(() => {
    setDropped([]);
    startOver();
  }, [startOver]);
  // A preset's full spec comes from the schema (the engine): at once when it has loaded, else when it arrives.
  const applyPreset = useCallback((p: Preset) => load((e) => ({ type: "load", spec: e.presetSpec(p), presetId: p.id })), [load]);
  const { draft, issues } = state;
  // One object for the package-index fields, the same while they do not change (the section is memoised).
  const index = useMemo(
    () => ({ indexUrl: draft.indexUrl, extraIndexUrls: draft.extraIndexUrls, findLinks: draft.findLinks, trustedHosts: draft.trustedHosts, pre: draft.pre, onlyBinary: draft.onlyBinary }),
    [draft.indexUrl, draft.extraIndexUrls, draft.findLinks, draft.trustedHosts, draft.pre, draft.onlyBinary],
  );

  return (
    <div data-ready={ready || undefined} className="mx-auto max-w-[100rem] px-4 pb-16 sm:px-6">
      <header className="flex flex-wrap items-end justify-between gap-3 py-6">
        <div className="max-w-3xl">
          <h1 className="text-3xl font-bold tracking-tight">Wheelwright</h1>
          <p className="mt-1 text-base text-muted-foreground">
            Lean multi-stage Dockerfiles for Python apps: compilers and headers stay in the build stage, the final image gets only the libraries your
            packages load, and runs as a non-root user.
          </p>
        </div>
        <div className="flex gap-2">
          <a href="/check" className="rounded-md border border-input px-3 py-1.5 text-sm font-medium hover:bg-muted">
            Check a Dockerfile
          </a>
          <a href="#output" className="rounded-md border border-input px-3 py-1.5 text-sm font-medium hover:bg-muted lg:hidden">
            Jump to the Dockerfile
          </a>
          <Button onClick={restart}>Start over</Button>
        </div>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] xl:grid-cols-[12rem_minmax(0,1fr)_minmax(0,1.05fr)]">
        <SectionNav className="sticky top-4 hidden self-start xl:block" />

        <SpecContext value={state.spec}>
          <form aria-label="Build settings" onSubmit={(e) => e.preventDefault()} noValidate className="min-w-0 [&>section:first-of-type]:border-t-0 [&>section:first-of-type]:pt-0">
            <div className="space-y-3">
              {/* A link dropped whole (too long, or refused by the server before rendering) says so in sentences. */}
              {wholeLink.length ? (
                <NoticeBanner title="This link was not opened" onDismiss={() => setDropped([])}>
                  {wholeLink.map((d, i) => (
                    <p key={i}>{d.message}</p>
                  ))}
                </NoticeBanner>
              ) : dropped.length ? (
                <NoticeBanner title="Some settings from the link were not used" onDismiss={() => setDropped([])}>
                  <ul className="list-disc pl-5">
                    {dropped.map((d, i) => (
                      <li key={i}>
                        {fieldLabel(d.field)}
                        {d.value !== undefined ? (
                          <>
                            {" "}
                            (<code className="font-mono break-all">{d.value}</code>)
                          </>
                        ) : null}
                        : {d.message}
                      </li>
                    ))}
                  </ul>
                </NoticeBanner>
              ) : null}
              {state.notice ? (
                <NoticeBanner title="Changed for you" onDismiss={() => dispatch({ type: "dismiss-notice" })}>
                  {state.notice}
                </NoticeBanner>
              ) : null}
              <IssueSummary issues={issues} />
            </div>

            {/* Each section fails alone (error-boundary.tsx): the rest of the page, the URL and the draft stay. */}
            <SectionBoundary id="presets" onStartOver={restart}>
              <Section id="presets" description="Each sets every field below; change anything afterwards. The four seed articles' scenarios, with what the articles got wrong fixed, and common stacks.">
                <PresetGallery activeId={state.presetId} onUse={applyPreset} />
              </Section>
            </SectionBoundary>
            <SectionBoundary id="image" onStartOver={restart}>
              <ImageSection python={draft.python} base={draft.base} issues={issues} dispatch={dispatch} edit={edit} />
            </SectionBoundary>
            <SectionBoundary id="strategy" onStartOver={restart}>
              <StrategySection strategy={draft.strategy} issues={issues} edit={edit} />
            </SectionBoundary>
            <SectionBoundary id="dependencies" onStartOver={restart}>
              <DependenciesSection
                packages={draft.packages}
                pasteText={draft.pasteText}
                noBinary={draft.noBinary}
                requiresPython={draft.requiresPython}
                projectExtras={draft.projectExtras}
                gitPackages={draft.gitPackages}
                index={index}
                python={draft.python}
                platform={draft.platform}
                dependencySource={draft.dependencySource}
                resolved={output.plan.packages}
                issues={issues}
                edit={edit}
              />
            </SectionBoundary>
            <SectionBoundary id="system" onStartOver={restart}>
              <SystemSection
                systemPackages={draft.systemPackages}
                builder={output.plan.builder}
                final={output.plan.final}
                issues={issues}
                edit={edit}
              />
            </SectionBoundary>
            <SectionBoundary id="runtime" onStartOver={restart}>
              <RuntimeSection
                command={draft.command}
                port={draft.port}
                specPort={state.spec.runtime.port}
                user={draft.user}
                healthcheck={draft.healthcheck}
                env={draft.env}
                issues={issues}
                edit={edit}
              />
            </SectionBoundary>
            <SectionBoundary id="advanced" onStartOver={restart}>
              <AdvancedSection {...slotsIn(draft, "advanced")} python={draft.python} base={draft.base} issues={issues} edit={edit} />
            </SectionBoundary>
          </form>
        </SpecContext>

        <aside aria-label="Output" className="min-w-0 max-lg:[contain-intrinsic-size:auto_110rem] max-lg:[content-visibility:auto] lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:pr-1">
          <SectionBoundary id="output" onStartOver={restart} lastDockerfile={output.dockerfile}>
            <OutputPanel spec={outputSpec} output={output} stale={state.stale} loading={knowledgePending} estimatePending={estimatePending} />
          </SectionBoundary>
        </aside>
      </div>
    </div>
  );
}
