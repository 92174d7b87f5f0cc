"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useEstimate } from "@/components/estimate/use-estimate";
import type { Estimate } from "@/lib/estimate";
import type { BuildSpec } from "@/lib/spec";
import { restoreDraft, specToDraft, type Draft } from "@/lib/wizard/draft";
import { fromServedOutput, type OutputView, type ServedOutput } from "@/lib/wizard/output";
import { initialState, wizardReducer, type WizardAction } from "@/lib/wizard/state";
import { DRAFT_KEY, readStoredDraft, storeDraft, storeDraftSoon } from "@/browser/draft-storage";
import { isEngineLoaded, preloadEngine, useEngine, withEngine, type Engine } from "@/browser/engine";
import { adoptPreHydrationInput, releaseHeldClicks } from "@/browser/pre-hydration-input";
import { whenIdle } from "@/browser/when-idle";

export { DRAFT_KEY };

/** What the output panel shows: the generated files and plan, and the weight estimate. */
export interface WizardOutput extends OutputView {
  estimate: Estimate;
}

/** The output of the spec the server rendered, so the page hydrates without the engine (or Debian's data). */
export interface InitialOutput {
  output: ServedOutput;
  estimate: Estimate;
  /** The share query of the spec the server rendered (lib/share.ts encodeShare), or null if it has none. */
  query: string | null;
}

/**
 * The wizard's state plus its two mirrors: the page URL (the last valid spec, replaced in place,
 * never a new history entry) and the draft in localStorage. A URL with parameters wins over the
 * stored draft; the server already rendered it.
 *
 * The engine (lib/engine.ts) is loaded once the page is interactive. Until it has arrived, edits change
 * the draft (the inputs show them at once) and are judged when it arrives; the output shown is the server's.
 */
export function useWizard({ spec, presetId, fromUrl, initial }: { spec: BuildSpec; presetId: string | null; fromUrl: boolean; initial: InitialOutput }) {
  const engine = useEngine();
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialState(spec, presetId));
  const edit = useCallback((f: (d: Draft) => Draft) => dispatch({ type: "edit", edit: f }), []);

  // From now on drafts are judged, starting with any edit made while the engine was loading.
  useEffect(() => {
    if (engine) dispatch({ type: "engine", evaluate: engine.evaluateDraft });
  }, [engine]);

  // The generator's first run costs several times its later ones (the JIT has not compiled it yet): run it once on
  // the spec shown while the page is idle, so that the first edit does not pay for it.
  useEffect(() => {
    if (engine) return whenIdle(() => engine.generateFiles(spec), 2000);
  }, [engine, spec]);

  // The spec changes only through the engine (a judged draft, a preset, start over), so for any other spec than the
  // server's it is there. Its output is cached per spec.
  const [served] = useState(() => fromServedOutput(initial.output, spec));
  // The package facts (curated entries, Debian's derived shards) load for the packages of the spec shown (the server's
  // output already has them). Until they have arrived the last output stays, marked as loading, so that a package is
  // never shown as unknown while its facts are on their way; when they arrive (or fail to) it is generated.
  const [knowledge, setKnowledge] = useState(0);
  useEffect(() => {
    if (!engine) return;
    let current = true;
    engine.loadKnowledge(state.spec).then((version) => {
      if (current) setKnowledge(version);
    });
    return () => {
      current = false;
    };
  }, [engine, state.spec]);
  const generated: OutputView | null = useMemo(
    () => (state.spec === spec || !engine ? served : engine.isKnowledgeReady(state.spec) ? engine.generateFiles(state.spec) : null),
    // A new knowledge version means new facts for the same spec (the engine reads them itself).
    [state.spec, spec, engine, served, knowledge],
  );
  const shown = useRef({ files: served, spec });
  useEffect(() => {
    if (generated) shown.current = { files: generated, spec: state.spec };
  }, [generated, state.spec]);
  const files = generated ?? shown.current.files;
  const knowledgePending = generated === null;
  /** The spec `files` were generated from. */
  const outputSpec = generated ? state.spec : shown.current.spec;
  // The server's estimate is for the spec it rendered; lib/estimate.ts (and its Debian data) loads lazily.
  const [initialWeight] = useState(() => ({ plan: initial.output.plan, estimate: initial.estimate }));
  /** Hydrated and the stored draft applied: the page is interactive (tests wait for this). */
  const [ready, setReady] = useState(false);
  const weight = useEstimate(files.plan, initialWeight, ready);
  const output: WizardOutput = useMemo(() => ({ ...files, estimate: weight.estimate }), [files, weight.estimate]);
  const restored = useRef(false);

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    // Without share parameters the server rendered the default spec: a stored draft replaces it. Otherwise what was
    // typed, ticked or clicked between the first intent and hydration is handed to React now (pre-hydration-input.ts).
    const stored = fromUrl ? null : readStoredDraft();
    if (stored) dispatch({ type: "restore", draft: restoreDraft(stored, specToDraft(spec)) });
    else adoptPreHydrationInput();
    releaseHeldClicks();
    setReady(true);
  }, [fromUrl, spec]);

  // The engine is requested once the page is interactive (not competing with hydration). Served by server/main.mjs,
  // the page hydrates only at the first sign of intent to use it (lib/http/deferred-hydration.mjs), so a page that
  // is only read never loads the engine; the engine is normally there before the first edit, and an edit made before
  // it arrives asks for it too. A failed load is retried by the next edit.
  useEffect(() => {
    if (!ready || !state.pending) return;
    preloadEngine();
  }, [ready, state.pending, state.draft]);
  useEffect(() => {
    if (ready) preloadEngine();
  }, [ready]);

  // The draft, as typed, survives a reload (the default draft is not stored).
  const defaultSpec = fromUrl ? engine?.DEFAULT_SPEC : spec;
  const defaultJson = useMemo(() => (defaultSpec ? JSON.stringify(specToDraft(defaultSpec)) : null), [defaultSpec]);
  useEffect(() => {
    if (!restored.current) return;
    const json = JSON.stringify(state.draft);
    storeDraftSoon(json === defaultJson ? null : json);
  }, [state.draft, defaultJson]);

  // The URL follows the last valid spec (debounced: browsers throttle replaceState). The server's spec comes with
  // its query (a link opened with extra or non-canonical parameters is rewritten without loading the engine).
  useEffect(() => {
    if (!restored.current) return;
    const timer = window.setTimeout(() => {
      if (state.spec === spec) {
        if (initial.query !== null) replaceQuery(initial.query);
      } else
        withEngine((e) => {
          const r = e.encodeShare(state.spec);
          if (r.ok) replaceQuery(r.query);
        });
    }, 200);
    return () => window.clearTimeout(timer);
  }, [state.spec, spec, initial.query]);

  /** Loads a spec made by the engine (a preset's, the default): at once, or when the engine arrives, with the edits made meanwhile on top. */
  const load = useCallback((make: (e: Engine) => Extract<WizardAction, { type: "load" }>) => {
    if (!isEngineLoaded()) dispatch({ type: "await-load" });
    withEngine((e) => dispatch(make(e)));
  }, []);

  const startOver = useCallback(() => {
    storeDraft(null);
    window.history.replaceState(window.history.state, "", window.location.pathname);
    load((e) => ({ type: "load", spec: e.DEFAULT_SPEC, presetId: null, pasteText: "" }));
  }, [load]);

  return { state, dispatch, edit, load, output, estimatePending: weight.pending, knowledgePending, outputSpec, startOver, ready };
}

export type WizardApi = ReturnType<typeof useWizard>;

/** Puts `query` in the address bar in place (no history entry), keeping the path and the fragment. */
function replaceQuery(query: string) {
  const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", url);
}
