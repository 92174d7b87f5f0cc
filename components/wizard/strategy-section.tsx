import { memo } from "react";
import { issuesAt } from "@/lib/wizard/draft";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { StrategyField } from "./strategy-field";

export const StrategySection = memo(function StrategySection({ strategy, issues, edit }: SectionProps & { strategy: string }) {
  return (
    <Section id="strategy" description="What the builder stage produces and what crosses over to the final image.">
      <StrategyField value={strategy} issues={issuesAt(issues, "strategy")} onValue={(strategy) => edit((d) => ({ ...d, strategy }))} />
    </Section>
  );
});
