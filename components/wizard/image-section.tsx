import { issuesAt } from "@/lib/wizard/draft";
import { BaseImageField } from "./base-image-field";
import { PythonVersionField } from "./python-version-field";
import { Section } from "./section";
import type { SectionProps } from "./section-props";

export function ImageSection({ state, dispatch, edit }: SectionProps) {
  const { draft, issues } = state;
  return (
    <Section id="image" description="The official python image: the version and the distribution both stages start from.">
      <PythonVersionField value={draft.python} issues={issuesAt(issues, "python")} onValue={(version) => dispatch({ type: "python", version })} />
      <BaseImageField python={draft.python} value={draft.base} issues={issuesAt(issues, "base")} onValue={(base) => edit((d) => ({ ...d, base }))} />
    </Section>
  );
}
