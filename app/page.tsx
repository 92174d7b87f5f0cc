import { DEFAULT_SPEC } from "@/lib/spec";
import { generate } from "@/lib/generate";

export const dynamic = "force-static";

export default function HomePage() {
  const { dockerfile } = generate(DEFAULT_SPEC);

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Wheelwright</h1>
      <p className="mt-2 text-base opacity-80">
        Wheelwright designs lean, secure multi-stage Dockerfiles for Python apps: build
        dependencies stay in a builder stage and only the runtime libraries ship in the final
        image.
      </p>
      <section aria-label="Dockerfile preview" className="mt-8">
        <h2 className="mb-2 text-lg font-semibold">Dockerfile for the default settings</h2>
        <pre
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-border bg-muted p-4 font-mono text-sm leading-relaxed"
        >
          <code>{dockerfile}</code>
        </pre>
      </section>
    </main>
  );
}
