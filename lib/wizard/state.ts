/**
 * The wizard's state machine: the draft as typed, the issues it has, and the last valid spec.
 * Every change of the draft ends in `withDraft`: a valid draft replaces the spec, an invalid one keeps the
 * last valid spec and marks the output stale. Pure: React only dispatches.
 *
 * Judging a draft needs the schema, which is in the engine (lib/engine.ts, loaded after the page is
 * interactive). Until the "engine" action has brought `evaluate`, edits change only the draft (the inputs show
 * them at once) and mark it `pending`; the "engine" action then judges the latest draft, so no edit is lost. A
 * load (preset, start over) needs the engine for its spec: "await-load" marks one as on its way, and the edits
 * made until it arrives are replayed on top of it, as if it had been applied at once.
 * No zod here: the page imports this at first load.
 */
import type { BuildSpec, SpecIssue } from "../spec";
import { specToDraft, type Draft } from "./draft";
import { choosePython } from "./edits";
import type { Evaluation } from "./evaluate";

/** Draft → spec or issues (evaluateDraft of lib/wizard/evaluate.ts, from the engine). */
export type Evaluate = (d: Draft) => Evaluation;

export interface WizardState {
  draft: Draft;
  /** The last spec that was valid; what the preview shows. */
  spec: BuildSpec;
  issues: readonly SpecIssue[];
  /** The draft has issues, so `spec` is older than what is on screen. */
  stale: boolean;
  /** A one-line message about something the wizard changed on its own. */
  notice: string | null;
  presetId: string | null;
  /** The judge of drafts, once the engine has loaded. */
  evaluate: Evaluate | null;
  /** The draft changed before the engine loaded: `spec`, `issues` and `stale` are not yet about it. */
  pending: boolean;
  /** Loads on their way (waiting for the engine), and the edits made since the last one was asked for. */
  awaiting: number;
  replay: readonly EditAction[];
}

type EditAction = { type: "edit"; edit: (d: Draft) => Draft } | { type: "python"; version: string };

export type WizardAction =
  | EditAction
  /** Replaces everything with a spec (preset, share link, start over); the pasted text stays unless given. */
  | { type: "load"; spec: BuildSpec; presetId?: string | null; notice?: string | null; pasteText?: string }
  /** A "load" will follow once the engine has loaded: edits made until then are replayed on top of it. */
  | { type: "await-load" }
  | { type: "restore"; draft: Draft }
  /** The engine has loaded: from now on drafts are judged, starting with the current one if it is pending. */
  | { type: "engine"; evaluate: Evaluate }
  | { type: "dismiss-notice" };

/** One empty list for every valid draft, so a memoised field whose issues stay empty does not re-render. */
const NO_ISSUES: readonly SpecIssue[] = Object.freeze([]);

export function initialState(spec: BuildSpec, presetId: string | null = null, evaluate: Evaluate | null = null): WizardState {
  return { draft: specToDraft(spec), spec, issues: NO_ISSUES, stale: false, notice: null, presetId, evaluate, pending: false, awaiting: 0, replay: [] };
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function withDraft(state: WizardState, draft: Draft, notice: string | null = state.notice): WizardState {
  if (!state.evaluate) return { ...state, draft, notice, pending: true };
  const r = state.evaluate(draft);
  if (!r.ok) {
    // The same issues as before keep the same list, so fields that show them need not re-render.
    const issues = sameJson(r.issues, state.issues) ? state.issues : r.issues;
    return { ...state, draft, issues, stale: true, notice, pending: false };
  }
  // Keep the same spec object when nothing changed, so nothing downstream regenerates.
  const spec = sameJson(r.spec, state.spec) ? state.spec : r.spec;
  return { ...state, draft, spec, issues: NO_ISSUES, stale: false, notice, pending: false };
}

function applyEdit(state: WizardState, action: EditAction): WizardState {
  if (action.type === "edit") return withDraft(state, action.edit(state.draft));
  const { draft, notice } = choosePython(state.draft, action.version);
  return withDraft(state, draft, notice);
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "edit":
    case "python": {
      const next = applyEdit(state, action);
      return state.awaiting ? { ...next, replay: [...state.replay, action] } : next;
    }
    case "await-load":
      // Edits made before this load was asked for are replaced by it: only later ones are replayed.
      return { ...state, awaiting: state.awaiting + 1, replay: [] };
    case "load": {
      const loaded: WizardState = {
        ...initialState(action.spec, action.presetId ?? null, state.evaluate),
        notice: action.notice ?? null,
        draft: specToDraft(action.spec, action.pasteText ?? state.draft.pasteText),
      };
      const awaiting = Math.max(0, state.awaiting - 1);
      // A later load is still on its way: it replaces this one, and the edits are replayed on top of it.
      if (awaiting > 0) return { ...loaded, awaiting, replay: state.replay };
      return state.replay.reduce(applyEdit, loaded);
    }
    case "restore":
      return withDraft({ ...state, presetId: null }, action.draft, null);
    case "engine": {
      if (state.evaluate === action.evaluate) return state;
      const next = { ...state, evaluate: action.evaluate };
      return state.pending ? withDraft(next, state.draft) : next;
    }
    case "dismiss-notice":
      return { ...state, notice: null };
  }
}
