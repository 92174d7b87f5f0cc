import type { Dispatch } from "react";
import type { Generated } from "@/lib/generate";
import type { Draft } from "@/lib/wizard/draft";
import type { WizardAction, WizardState } from "@/lib/wizard/state";

/** What every section gets: the state, the last generated output, and a way to edit the draft. */
export interface SectionProps {
  state: WizardState;
  generated: Generated;
  dispatch: Dispatch<WizardAction>;
  edit: (f: (d: Draft) => Draft) => void;
}
