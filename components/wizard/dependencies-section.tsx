import { memo, useState } from "react";
import { issuesAt, type Draft } from "@/lib/wizard/draft";
import { addPackages, removePackage } from "@/lib/wizard/edits";
import type { ProjectFile } from "@/lib/wizard/file-edits";
import { withEngine } from "@/browser/engine";
import { CheckboxField } from "@/components/ui/checkbox-field";
import type { PackageView } from "@/lib/wizard/output";
import { DependencySourceField } from "./dependency-source-field";
import { PackageChips } from "./package-chips";
import { PackageCombobox } from "./package-combobox";
import { PasteRequirements } from "./paste-requirements";
import { PackageIndexFields, commaList } from "./package-index-fields";
import { TextField } from "@/components/ui/text-field";
import { normalizeName } from "@/lib/knowledge/names";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { FieldError } from "@/components/ui/field-error";
import { sourceForFormat } from "@/lib/spec-options";


/** Adds or removes a name in a list (a --no-binary list, the chosen groups), compared as PEP 503 normalises names. */
function toggleName(list: readonly string[], name: string): string[] {
  const n = normalizeName(name);
  return list.some((x) => normalizeName(x) === n) ? list.filter((x) => normalizeName(x) !== n) : [...list, name];
}

export const DependenciesSection = memo(function DependenciesSection({
  packages,
  pasteText,
  noBinary,
  requiresPython,
  projectExtras,
  gitPackages,
  index,
  python,
  platform,
  dependencySource,
  resolved,
  issues,
  edit,
}: SectionProps & {
  packages: Draft["packages"];
  pasteText: string;
  noBinary: Draft["noBinary"];
  requiresPython: string;
  projectExtras: Draft["projectExtras"];
  gitPackages: Draft["gitPackages"];
  index: Pick<Draft, "indexUrl" | "extraIndexUrls" | "findLinks" | "trustedHosts" | "pre" | "onlyBinary">;
  /** The chosen Python and platform, for the markers of pasted lines. */
  python: string;
  platform: string;
  dependencySource: string;
  /** How each package of the spec installs. */
  resolved: readonly PackageView[];
}) {
  // The last pasted pyproject.toml's groups, so choosing a group adds its packages and unchoosing removes them; only
  // while the box still holds that text (start over, or an edit of the text, forgets them).
  const [pasted, setPasted] = useState<{ text: string; file: ProjectFile } | null>(null);
  const projectFile = pasted?.text === pasteText ? pasted.file : null;
  // A pasted file's edits are in the engine, which the paste has loaded (withEngine runs at once then).
  const chooseGroups = (next: string[]) =>
    projectFile
      ? withEngine(({ switchGroups }) => edit((d) => switchGroups(d, projectFile, d.projectExtras, next)))
      : edit((d) => ({ ...d, projectExtras: next }));
  const isChosen = (name: string) => projectExtras.some((e) => normalizeName(e) === normalizeName(name));
  return (
    <Section id="dependencies" description="Your Python packages. They decide which system packages each stage needs.">
      <PackageCombobox onAdd={(r) => edit((d) => addPackages(d, [r]))} />
      <PackageChips
        packages={packages}
        resolved={resolved}
        noBinary={noBinary}
        onRemove={(i) => edit((d) => removePackage(d, i))}
        onToggleSource={(name) => edit((d) => ({ ...d, noBinary: toggleName(d.noBinary, name) }))}
      />
      <FieldError path="packages.list" issues={issuesAt(issues, "packages")} />
      <PasteRequirements
        python={python}
        platform={platform}
        text={pasteText}
        onText={(pasteText) => edit((d) => ({ ...d, pasteText }))}
        onAdd={(reqs, { text, format, requiresPython, gitPackages, options, groups }) => {
          const file = groups.length ? { main: reqs, groups } : null;
          setPasted(file ? { text, file } : null);
          withEngine(({ applyFileOptions, switchGroups }) => edit((d) => {
            const added = applyFileOptions(addPackages(d, reqs), options);
            return {
              // Groups chosen before the file was pasted count at once.
              ...(file ? switchGroups(added, file, [], d.projectExtras) : added),
              ...sourceForFormat(format),
              ...(requiresPython ? { requiresPython } : {}),
              gitPackages: [...new Set([...d.gitPackages, ...gitPackages])],
            };
          }));
        }}
      />
      <TextField
        path="requiresPython"
        label="Requires Python"
        hint="The project's requires-python (read from a pasted pyproject.toml or lock file); the chosen Python must fit it."
        value={requiresPython}
        onValue={(value) => edit((d) => ({ ...d, requiresPython: value }))}
        issues={issuesAt(issues, "requiresPython")}
        mono
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          path="projectExtras"
          label="Optional dependency groups"
          hint="Extras of your project to install with it, separated by commas (pyproject.toml, uv.lock, poetry.lock)."
          value={projectExtras.join(",")}
          onValue={(value) => chooseGroups(commaList(value))}
          issues={issuesAt(issues, "projectExtras")}
          mono
        />
        <TextField
          path="gitPackages"
          label="Installed from Git"
          hint="Packages your requirements clone from Git: the build stage gets git."
          value={gitPackages.join(",")}
          onValue={(value) => edit((d) => ({ ...d, gitPackages: commaList(value) }))}
          issues={issuesAt(issues, "gitPackages")}
          mono
        />
      </div>
      {projectFile ? (
        <fieldset className="rounded-md border border-input p-2">
          <legend className="px-1 text-sm font-medium">Optional dependency groups of the pasted pyproject.toml</legend>
          <div className="flex flex-wrap gap-4">
            {projectFile.groups.map((g) => (
              <CheckboxField
                key={g.name}
                path={`projectExtras.group-${normalizeName(g.name)}`}
                label={g.name}
                hint={g.requirements.map((r) => r.name).join(", ") || "no packages"}
                checked={isChosen(g.name)}
                onChecked={() => chooseGroups(toggleName(projectExtras, g.name))}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <PackageIndexFields value={index} issues={issues} edit={edit} />
      <DependencySourceField
        value={dependencySource}
        issues={issuesAt(issues, "dependencySource")}
        onValue={(dependencySource) => edit((d) => ({ ...d, dependencySource }))}
      />
    </Section>
  );
});
