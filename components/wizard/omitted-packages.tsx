import { Button } from "@/components/ui/button";

/** System packages the user removed although the knowledge says they are needed; each can come back. */
export function OmittedPackages({ names, onRestore }: { names: readonly string[]; onRestore: (name: string) => void }) {
  if (names.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold" id="omitted-title">
        Removed by you
      </h3>
      <ul aria-labelledby="omitted-title" className="mt-1 flex flex-wrap gap-2">
        {names.map((n) => (
          <li key={n} className="flex items-center gap-1 rounded-full border border-warning-border bg-warning-soft py-0.5 pr-0.5 pl-3 text-sm">
            <code className="font-mono text-warning line-through">{n}</code>
            <Button size="sm" variant="ghost" className="rounded-full" aria-label={`Put back ${n}`} onClick={() => onRestore(n)}>
              Put back
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
