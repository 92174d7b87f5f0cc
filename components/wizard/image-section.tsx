import { memo } from "react";
import { issuesAt } from "@/lib/wizard/draft";
import { BaseImageField } from "./base-image-field";
import { PythonVersionField } from "./python-version-field";
import { Section } from "./section";
import type { SectionDispatch, SectionProps } from "./section-props";

export const ImageSection = memo(function ImageSection({
  python,
  base,
  issues,
  dispatch,
  edit,
}: SectionProps & { python: string; base: string; dispatch: SectionDispatch }) {
  return (
    <Section id="image" description="The official python image: the version and the distribution both stages start from.">
      <PythonVersionField value={python} issues={issuesAt(issues, "python")} onValue={(version) => dispatch({ type: "python", version })} />
      <BaseImageField python={python} value={base} issues={issuesAt(issues, "base")} onValue={(base) => edit((d) => ({ ...d, base }))} />
    </Section>
  );
});
