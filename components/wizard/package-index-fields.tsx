import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import type { SpecIssue } from "@/lib/spec";
import { issuesAt, type Draft } from "@/lib/wizard/draft";

/** Comma-separated values; an empty last item stays while the next one is being typed. */
export const commaList = (text: string) => text.split(",").map((s) => s.trim()).filter((s, i, all) => s !== "" || (i === all.length - 1 && i > 0));

type IndexSlots = Pick<Draft, "indexUrl" | "extraIndexUrls" | "findLinks" | "trustedHosts" | "pre" | "onlyBinary">;

/** Where pip finds packages: the index, extra indexes, find-links pages, trusted hosts, pre-releases, wheels only. */
export function PackageIndexFields({ value, issues, edit }: { value: IndexSlots; issues: readonly SpecIssue[]; edit: (f: (d: Draft) => Draft) => void }) {
  return (
    <details className="rounded-md border border-input p-2">
      <summary className="cursor-pointer text-sm font-medium">Package index</summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <TextField
          path="indexUrl"
          label="Index URL"
          hint="Instead of PyPI. No user:password here: give credentials as a build secret."
          value={value.indexUrl}
          onValue={(indexUrl) => edit((d) => ({ ...d, indexUrl }))}
          issues={issuesAt(issues, "indexUrl")}
          mono
        />
        <TextField
          path="extraIndexUrls"
          label="Extra index URLs"
          hint="Searched besides the main index, separated by commas."
          value={value.extraIndexUrls.join(",")}
          onValue={(text) => edit((d) => ({ ...d, extraIndexUrls: commaList(text) }))}
          issues={issuesAt(issues, "extraIndexUrls")}
          mono
        />
        <TextField
          path="findLinks"
          label="Find links"
          hint="Pages of package links searched besides the indexes (http or https), separated by commas."
          value={value.findLinks.join(",")}
          onValue={(text) => edit((d) => ({ ...d, findLinks: commaList(text) }))}
          issues={issuesAt(issues, "findLinks")}
          mono
        />
        <TextField
          path="onlyBinary"
          label="Wheels only"
          hint="Packages never built from source (pip --only-binary), separated by commas; :all: for every one."
          value={value.onlyBinary.join(",")}
          onValue={(text) => edit((d) => ({ ...d, onlyBinary: commaList(text) }))}
          issues={issuesAt(issues, "onlyBinary")}
          mono
        />
        <TextField
          path="trustedHosts"
          label="Trusted hosts"
          hint="Hosts reached without valid HTTPS, separated by commas."
          value={value.trustedHosts.join(",")}
          onValue={(text) => edit((d) => ({ ...d, trustedHosts: commaList(text) }))}
          issues={issuesAt(issues, "trustedHosts")}
          mono
        />
        <CheckboxField
          path="pre"
          label="Allow pre-releases"
          hint="pip --pre (uv: --prerelease allow)."
          checked={value.pre}
          onChecked={(pre) => edit((d) => ({ ...d, pre }))}
          issues={issuesAt(issues, "pre")}
        />
      </div>
    </details>
  );
}
