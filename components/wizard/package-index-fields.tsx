import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import type { SpecIssue } from "@/lib/spec";
import { issuesAt, type Draft } from "@/lib/wizard/draft";
import { fieldLabel } from "./field-labels";

/** Comma-separated values; an empty last item stays while the next one is being typed. */
export const commaList = (text: string) => text.split(",").map((s) => s.trim()).filter((s, i, all) => s !== "" || (i === all.length - 1 && i > 0));

type IndexSlots = Pick<Draft, "indexUrl" | "extraIndexUrls" | "findLinks" | "trustedHosts" | "pre" | "onlyBinary">;
type ListSlot = "extraIndexUrls" | "findLinks" | "onlyBinary" | "trustedHosts";
type Props = { value: IndexSlots; issues: readonly SpecIssue[]; edit: (f: (d: Draft) => Draft) => void };

/** One of the comma-separated lists: its slot is also its spec path, and its label the field declaration's. */
function ListField({ slot, hint, value, issues, edit }: Props & { slot: ListSlot; hint: string }) {
  return (
    <TextField
      path={slot}
      label={fieldLabel(slot)}
      hint={hint}
      value={value[slot].join(",")}
      onValue={(text) => edit((d) => ({ ...d, [slot]: commaList(text) }))}
      issues={issuesAt(issues, slot)}
      mono
    />
  );
}

/** Where pip finds packages: the index, extra indexes, find-links pages, trusted hosts, pre-releases, wheels only. */
export function PackageIndexFields(props: Props) {
  const { value, issues, edit } = props;
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
        <ListField {...props} slot="extraIndexUrls" hint="Searched besides the main index, separated by commas." />
        <ListField {...props} slot="findLinks" hint="Pages of package links searched besides the indexes (http or https), separated by commas." />
        <ListField {...props} slot="onlyBinary" hint="Packages never built from source (pip --only-binary), separated by commas; :all: for every one." />
        <ListField {...props} slot="trustedHosts" hint="Hosts reached without valid HTTPS, separated by commas." />
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
