/**
 * The wizard's draft: every field as the user typed it (strings stay strings), separate from the
 * last valid spec. `draftToInput` turns a draft into a spec input; `evaluateDraft` (evaluate.ts)
 * lets `parseSpec` judge it, so the page never decides on its own what is valid.
 *
 * The draft's slots and their codecs come from the field declarations (lib/spec/fields.ts, draft-codecs.ts).
 * No zod here (only types from the spec): the page imports this at first load, before the engine
 * (lib/engine.ts) that validates.
 */
import type { BuildSpec, SpecIssue } from "../spec";
import { FIELDS, getAt, setAt, type Field, type FieldSection } from "../spec/fields";
import { DRAFT_CODECS, type DraftCodec, type DraftValueOf } from "./draft-codecs";

export type { EnvDraft } from "./draft-codecs";

type Flat<T> = { [K in keyof T]: T[K] } & {};
type Slot = Field["draft"]["slot"];
type InSlot<S> = Extract<Field, { draft: { slot: S } }>;
/** A slot holds one field's draft value, or an object of several fields' ("systemPackages": build, runtime, omit). */
type SlotValue<F extends Field> = [F] extends [{ draft: { key: string } }]
  ? Flat<{ [K in F["draft"] extends { key: infer K extends string } ? K : never]: DraftValueOf<Extract<F, { draft: { key: K } }>["draft"]["codec"]> }>
  : DraftValueOf<F["draft"]["codec"]>;

export type Draft = Flat<
  { [S in Slot]: SlotValue<InSlot<S>> } & {
    /** The last text pasted into the requirements box, kept so nothing typed is lost. */
    pasteText: string;
  }
>;

/** The draft slots of the fields a wizard section shows. */
export type SlotsIn<S extends FieldSection> = Extract<Field, { section: S }>["draft"]["slot"];

/** The draft values of the fields a wizard section shows, to pass as its props. */
export function slotsIn<S extends FieldSection>(d: Draft, section: S): Pick<Draft, SlotsIn<S>> {
  return Object.fromEntries(FIELDS.filter((f) => f.section === section).map((f) => [f.draft.slot, d[f.draft.slot]])) as Pick<Draft, SlotsIn<S>>;
}

const codecOf = (f: Field) => DRAFT_CODECS[f.draft.codec] as DraftCodec<unknown, unknown>;
/** Where a field's draft value sits in the draft. */
const slotPath = (f: Field) => ("key" in f.draft ? `${f.draft.slot}.${f.draft.key}` : f.draft.slot);

export function specToDraft(spec: BuildSpec, pasteText = ""): Draft {
  let d = {} as Draft;
  for (const f of FIELDS) d = setAt(d, slotPath(f), codecOf(f).toDraft(getAt(spec, f.path)));
  return { ...d, pasteText };
}

/** The spec input a draft stands for, plus the problems found before the schema sees it. */
export function draftToInput(d: Draft): { input: unknown; issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  let input: Record<string, unknown> = {};
  for (const f of FIELDS) input = setAt(input, f.path, codecOf(f).toInput(getAt(d, slotPath(f)), f.path, issues));
  return { input, issues };
}

/** The issues that belong to one field (its own path or anything below it). */
export function issuesAt(issues: readonly SpecIssue[], field: string): SpecIssue[] {
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`));
}

/**
 * Reads a stored draft (localStorage) back, filling anything missing or of the wrong type from `base`
 * (a list with one malformed entry falls back as a whole). Only the shape is checked here, without zod
 * (this runs during hydration, before the engine loads); the schema still judges every value afterwards.
 * Never throws.
 */
export function restoreDraft(raw: unknown, base: Draft): Draft {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return base;
  let d = {} as Draft;
  for (const f of FIELDS) d = setAt(d, slotPath(f), codecOf(f).restore(getAt(raw, slotPath(f)), getAt(base, slotPath(f))));
  const pasteText = (raw as { pasteText?: unknown }).pasteText;
  return { ...d, pasteText: typeof pasteText === "string" ? pasteText : "" };
}
