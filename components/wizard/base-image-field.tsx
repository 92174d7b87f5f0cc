import { Badge } from "@/components/ui/badge";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { VARIANTS, imageTag, isLegacyVariant, variantsFor, type VariantId } from "@/lib/knowledge/python-images";
import type { SpecIssue } from "@/lib/spec";
import { sizeFactFor } from "@/lib/wizard/image-size";

function Detail({ python, variant }: { python: string; variant: VariantId }) {
  const v = VARIANTS[variant];
  const size = sizeFactFor(python, variant);
  return (
    <>
      <code className="font-mono text-foreground">{imageTag(python, variant)}</code>
      {isLegacyVariant(python, variant) ? (
        <>
          {" "}
          <Badge tone="warning">legacy: not rebuilt</Badge>
        </>
      ) : null}
      {size ? (
        <>
          {" "}
          <Badge tone="info">
            {size.mb} MB ({size.source}, {size.date})
          </Badge>
        </>
      ) : null}
      <span className="mt-0.5 block">{v.description}</span>
      {v.distroNote ? <span className="mt-0.5 block text-warning">{v.distroNote}</span> : null}
    </>
  );
}

export function BaseImageField({ python, value, issues, onValue }: { python: string; value: string; issues: SpecIssue[]; onValue: (v: string) => void }) {
  return (
    <ChoiceGroup
      path="base"
      legend="Base image"
      hint="The build stage's image. The final stage uses the same one unless you choose another under Advanced."
      value={value}
      onValue={onValue}
      issues={issues}
      choices={variantsFor(python).map((id) => ({ value: id, label: VARIANTS[id].label, detail: <Detail python={python} variant={id} /> }))}
    />
  );
}
