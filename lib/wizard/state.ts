/**
 * The wizard's state machine: the draft as typed, the issues it has, and the last valid spec.
 * Every action ends in `evaluateDraft`: a valid draft replaces the spec, an invalid one keeps the
 * last valid spec and marks the output stale. Pure: React only dispatches.
 */
import type { BuildSpec, SpecIssue } from "../spec";
import { evaluateDraft, specToDraft, type Draft } from "./draft";
import { choosePython } from "./edits";

export interface WizardState {
  draft: Draft;
  /** The last spec that was valid; what the preview shows. */
  spec: BuildSpec;
  issues: SpecIssue[];
  /** The draft has issues, so `spec` is older than what is on screen. */
  stale: boolean;
  /** A one-line message about something the wizard changed on its own. */
  notice: string | null;
  presetId: string | null;
}

export type WizardAction =
  | { type: "edit"; edit: (d: Draft) => Draft }
  | { type: "python"; version: string }
  /** Replaces everything with a spec (preset, share link, start over); the pasted text stays unless given. */
  | { type: "load"; spec: BuildSpec; presetId?: string | null; notice?: string | null; pasteText?: string }
  | { type: "restore"; draft: Draft }
  | { type: "dismiss-notice" };

export function initialState(spec: BuildSpec, presetId: string | null = null): WizardState {
  return { draft: specToDraft(spec), spec, issues: [], stale: false, notice: null, presetId };
}

function withDraft(state: WizardState, draft: Draft, notice: string | null = state.notice): WizardState {
  const r = evaluateDraft(draft);
  // Keep the same spec object when nothing changed, so nothing downstream regenerates.
  const spec = r.ok && JSON.stringify(r.spec) === JSON.stringify(state.spec) ? state.spec : r.ok ? r.spec : state.spec;
  return r.ok
    ? { ...state, draft, spec, issues: [], stale: false, notice }
    : { ...state, draft, issues: r.issues, stale: true, notice };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "edit":
      return withDraft(state, action.edit(state.draft));
    case "python": {
      const { draft, notice } = choosePython(state.draft, action.version);
      return withDraft(state, draft, notice);
    }
    case "load":
      return {
        ...initialState(action.spec, action.presetId ?? null),
        notice: action.notice ?? null,
        draft: specToDraft(action.spec, action.pasteText ?? state.draft.pasteText),
      };
    case "restore":
      return withDraft({ ...state, presetId: null }, action.draft, null);
    case "dismiss-notice":
      return { ...state, notice: null };
  }
}
