import { memo } from "react";
import type { PlannedStage } from "@/lib/resolve";
import type { Draft } from "@/lib/wizard/draft";
import { addSystemPackage, removeSystemPackage, restoreSystemPackage, type Stage } from "@/lib/wizard/edits";
import { AddSystemPackage } from "./add-system-package";
import { InvalidSystemPackages } from "./invalid-system-packages";
import { OmittedPackages } from "./omitted-packages";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { SystemPackageList } from "./system-package-list";

const STAGE_LABELS: Record<Stage, string> = { build: "Build stage", runtime: "Final image" };

export const SystemSection = memo(function SystemSection({
  systemPackages,
  builder,
  final,
  issues,
  edit,
}: SectionProps & {
  systemPackages: Draft["systemPackages"];
  builder: PlannedStage;
  final: PlannedStage;
}) {
  return (
    <Section
      id="system"
      description="What apt or apk installs in each stage, and why. Compilers and headers stay in the build stage; the final image gets only the libraries your packages load."
    >
      <div className="grid gap-3 md:grid-cols-2">
        <SystemPackageList title={STAGE_LABELS.build} stage={builder} onRemove={(name, derived) => edit((d) => removeSystemPackage(d, "build", name, derived))} />
        <SystemPackageList title={STAGE_LABELS.runtime} stage={final} onRemove={(name, derived) => edit((d) => removeSystemPackage(d, "runtime", name, derived))} />
      </div>
      <InvalidSystemPackages
        systemPackages={systemPackages}
        issues={issues}
        onRemove={(stage, name) => edit((d) => (stage === "omit" ? restoreSystemPackage(d, name) : removeSystemPackage(d, stage, name, false)))}
      />
      <OmittedPackages names={systemPackages.omit} onRestore={(name) => edit((d) => restoreSystemPackage(d, name))} />
      <AddSystemPackage stageLabels={STAGE_LABELS} onAdd={(stage, name) => edit((d) => addSystemPackage(d, stage, name))} />
    </Section>
  );
});
