import { memo } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { issuesAt, type Draft, type SlotsIn } from "@/lib/wizard/draft";
import { FinalBaseField } from "./final-base-field";
import { PlatformField } from "./platform-field";
import { Section } from "./section";
import type { SectionProps } from "./section-props";

/** The fields declared in this section (lib/spec/fields.ts), and the image choice the final stage's options depend on. */
type AdvancedFields = SlotsIn<"advanced"> | "python" | "base";

export const AdvancedSection = memo(function AdvancedSection({ issues, edit, ...draft }: SectionProps & Pick<Draft, AdvancedFields>) {
  return (
    <Section id="advanced" description="Defaults that suit most apps.">
      <CheckboxField
        path="cacheMounts"
        label="Cache mounts"
        hint="Keep pip/uv downloads in a BuildKit cache between builds, never in a layer."
        checked={draft.cacheMounts}
        onChecked={(cacheMounts) => edit((d) => ({ ...d, cacheMounts }))}
        issues={issuesAt(issues, "cacheMounts")}
      />
      <CheckboxField
        path="buildFromSource"
        label="Build from source"
        hint="Compile every package even when a wheel exists (pip --no-binary :all:): slower, needs the build packages."
        checked={draft.buildFromSource}
        onChecked={(buildFromSource) => edit((d) => ({ ...d, buildFromSource }))}
        issues={issuesAt(issues, "buildFromSource")}
      />
      <CheckboxField
        path="selfCheck"
        label="Self-check"
        hint="The build fails if an installed extension misses a shared library (ldd) or a known native package does not import."
        checked={draft.selfCheck}
        onChecked={(selfCheck) => edit((d) => ({ ...d, selfCheck }))}
        issues={issuesAt(issues, "selfCheck")}
      />
      <PlatformField value={draft.platform} issues={issuesAt(issues, "platform")} onValue={(platform) => edit((d) => ({ ...d, platform }))} />
      <FinalBaseField
        python={draft.python}
        base={draft.base}
        value={draft.finalBase}
        issues={issuesAt(issues, "finalBase")}
        onValue={(finalBase) => edit((d) => ({ ...d, finalBase }))}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          path="runtime.workdir"
          label="Working directory"
          value={draft.workdir}
          onValue={(workdir) => edit((d) => ({ ...d, workdir }))}
          issues={issuesAt(issues, "runtime.workdir")}
          mono
        />
        <TextField
          path="runtime.copy"
          label="Copy into the image"
          hint="Paths in the build context, separated by spaces."
          value={draft.copy}
          onValue={(copy) => edit((d) => ({ ...d, copy }))}
          issues={issuesAt(issues, "runtime.copy")}
          mono
        />
      </div>
      <CheckboxField
        path="runtime.pythonDontWriteBytecode"
        label="PYTHONDONTWRITEBYTECODE=1"
        hint="No .pyc files written at run time."
        checked={draft.pythonDontWriteBytecode}
        onChecked={(v) => edit((d) => ({ ...d, pythonDontWriteBytecode: v }))}
      />
      <CheckboxField
        path="runtime.pythonUnbuffered"
        label="PYTHONUNBUFFERED=1"
        hint="Logs reach docker logs immediately."
        checked={draft.pythonUnbuffered}
        onChecked={(v) => edit((d) => ({ ...d, pythonUnbuffered: v }))}
      />
    </Section>
  );
});
