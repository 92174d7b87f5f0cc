import { issuesAt } from "@/lib/wizard/draft";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { StrategyField } from "./strategy-field";

export function StrategySection({ state, edit }: SectionProps) {
  return (
    <Section id="strategy" description="What the builder stage produces and what crosses over to the final image.">
      <StrategyField value={state.draft.strategy} issues={issuesAt(state.issues, "strategy")} onValue={(strategy) => edit((d) => ({ ...d, strategy }))} />
    </Section>
  );
}
