import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not found — Wheelwright", robots: { index: false } };

/** Any unknown path: a plain page that leads back to the wizard. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-base text-muted-foreground">Wheelwright has one page: the Dockerfile designer.</p>
      <p className="mt-6">
        <a href="/" className="rounded-md border border-input px-3 py-1.5 text-sm font-medium hover:bg-muted">
          Open the designer
        </a>
      </p>
    </main>
  );
}
