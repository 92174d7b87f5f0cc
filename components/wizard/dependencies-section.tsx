import { issuesAt } from "@/lib/wizard/draft";
import { addPackages, removePackage } from "@/lib/wizard/edits";
import { DependencySourceField } from "./dependency-source-field";
import { PackageChips } from "./package-chips";
import { PackageCombobox } from "./package-combobox";
import { PasteRequirements } from "./paste-requirements";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { FieldError } from "@/components/ui/field-error";

export function DependenciesSection({ state, generated, edit }: SectionProps) {
  const { draft, issues } = state;
  return (
    <Section id="dependencies" description="Your Python packages. They decide which system packages each stage needs.">
      <PackageCombobox spec={state.spec} onAdd={(r) => edit((d) => addPackages(d, [r]))} />
      <PackageChips packages={draft.packages} resolved={generated.plan.packages} onRemove={(i) => edit((d) => removePackage(d, i))} />
      <FieldError path="packages.list" issues={issuesAt(issues, "packages")} />
      <PasteRequirements text={draft.pasteText} onText={(pasteText) => edit((d) => ({ ...d, pasteText }))} onAdd={(reqs) => edit((d) => addPackages(d, reqs))} />
      <DependencySourceField
        value={draft.dependencySource}
        issues={issuesAt(issues, "dependencySource")}
        onValue={(dependencySource) => edit((d) => ({ ...d, dependencySource }))}
      />
    </Section>
  );
}
