"use client";

import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useEstimate } from "@/components/estimate/use-estimate";
import type { Estimate } from "@/lib/estimate";
import type { Generated } from "@/lib/generate";
import { generateFiles } from "@/lib/generate-files";
import { encodeShare } from "@/lib/share";
import { DEFAULT_SPEC, type BuildSpec } from "@/lib/spec";
import { restoreDraft, specToDraft } from "@/lib/wizard/draft";
import { initialState, wizardReducer } from "@/lib/wizard/state";

export const DRAFT_KEY = "wheelwright:draft:v1";

function readStoredDraft(): unknown {
  try {
    const raw = window.localStorage.getItem(DRAFT_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/**
 * The wizard's state plus its two mirrors: the page URL (the last valid spec, replaced in place,
 * never a new history entry) and the draft in localStorage. A URL with parameters wins over the
 * stored draft; the server already rendered it.
 */
export function useWizard({ spec, presetId, fromUrl, estimate: initialEstimate }: { spec: BuildSpec; presetId: string | null; fromUrl: boolean; estimate: Estimate }) {
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialState(spec, presetId));
  const files = useMemo(() => generateFiles(state.spec), [state.spec]);
  // The server's estimate is for the spec it rendered; lib/estimate.ts (and its Debian data) loads lazily.
  const [initial] = useState(() => ({ plan: generateFiles(spec).plan, estimate: initialEstimate }));
  const weight = useEstimate(files.plan, initial);
  const generated: Generated = useMemo(() => ({ ...files, estimate: weight.estimate }), [files, weight.estimate]);
  const restored = useRef(false);
  /** Hydrated and the stored draft applied: the page is interactive (tests wait for this). */
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    setReady(true);
    if (fromUrl) return;
    const stored = readStoredDraft();
    if (stored) dispatch({ type: "restore", draft: restoreDraft(stored, specToDraft(DEFAULT_SPEC)) });
  }, [fromUrl]);

  // The draft, as typed, survives a reload.
  useEffect(() => {
    if (!restored.current) return;
    try {
      const isDefault = JSON.stringify(state.draft) === JSON.stringify(specToDraft(DEFAULT_SPEC));
      if (isDefault) window.localStorage.removeItem(DRAFT_KEY);
      else window.localStorage.setItem(DRAFT_KEY, JSON.stringify(state.draft));
    } catch {
      // Storage full or disabled: the wizard still works, only without restore.
    }
  }, [state.draft]);

  // The URL follows the last valid spec (debounced: browsers throttle replaceState).
  useEffect(() => {
    if (!restored.current) return;
    const timer = window.setTimeout(() => {
      const r = encodeShare(state.spec);
      if (!r.ok) return;
      const query = r.query;
      const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", url);
    }, 200);
    return () => window.clearTimeout(timer);
  }, [state.spec]);

  const startOver = () => {
    try {
      window.localStorage.removeItem(DRAFT_KEY);
    } catch {
      // ignore
    }
    window.history.replaceState(window.history.state, "", window.location.pathname);
    dispatch({ type: "load", spec: DEFAULT_SPEC, presetId: null, pasteText: "" });
  };

  return { state, dispatch, generated, estimatePending: weight.pending, startOver, ready };
}

export type WizardApi = ReturnType<typeof useWizard>;
