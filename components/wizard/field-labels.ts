import { FIELDS, GROUP_LABELS } from "@/lib/spec/fields";

/** Short names of the spec's fields as the page labels them (from the field declarations), for messages that list issues. */
const LABELS = new Map<string, string>([...Object.entries(GROUP_LABELS), ...FIELDS.map((f): [string, string] => [f.path, f.label])]);

/** The label of the field or of its nearest labelled parent ("runtime.env.0.value" → "Environment variables"). */
export function fieldLabel(field: string): string {
  const parts = field.split(".");
  while (parts.length) {
    // A Map, not an object: a field named by a link ("__proto__.x", "constructor") finds no inherited member.
    const label = LABELS.get(parts.join("."));
    if (label !== undefined) return label;
    parts.pop();
  }
  return field;
}
