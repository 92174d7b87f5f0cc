/** Short names of the spec's fields as the page labels them, for messages that list issues. */
const LABELS: Record<string, string> = {
  python: "Python version",
  base: "Base image",
  finalBase: "Final stage image",
  strategy: "Install strategy",
  dependencySource: "Dependency files",
  packages: "Packages",
  systemPackages: "System packages",
  "runtime.copy": "Files to copy",
  "runtime.workdir": "Working directory",
  "runtime.command": "Command",
  "runtime.port": "Port",
  "runtime.user": "User",
  "runtime.healthcheck": "Health check",
  "runtime.env": "Environment variables",
  cacheMounts: "Cache mounts",
  platform: "Target platform",
};

/** The label of the field or of its nearest labelled parent ("runtime.env.0.value" → "Environment variables"). */
export function fieldLabel(field: string): string {
  const parts = field.split(".");
  while (parts.length) {
    // Own keys only: a field named by a link ("__proto__.x", "constructor") must not find Object.prototype's members.
    const key = parts.join(".");
    if (Object.hasOwn(LABELS, key)) return LABELS[key];
    parts.pop();
  }
  return field;
}
