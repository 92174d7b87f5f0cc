import type { Dispatch } from "react";
import type { SpecIssue } from "@/lib/spec";
import type { Draft } from "@/lib/wizard/draft";
import type { WizardAction } from "@/lib/wizard/state";

/**
 * What every section gets besides its own fields: all issues of the draft (one list, the same object while they do
 * not change) and a way to edit the draft. Each section takes only the draft fields and output it shows and is
 * memoised, so an edit re-renders the sections it touches, not the whole form.
 */
export interface SectionProps {
  issues: readonly SpecIssue[];
  edit: (f: (d: Draft) => Draft) => void;
}

export type SectionDispatch = Dispatch<WizardAction>;
