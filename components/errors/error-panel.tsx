"use client";

import { Button } from "@/components/ui/button";
import { storeDraft } from "@/browser/draft-storage";

/**
 * What app/error.tsx and app/global-error.tsx show: a short message and the ways out, never the error's text or
 * stack (a server error reaches the browser only as an opaque digest, which is shown so a report can quote it).
 */
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Wheelwright</h1>
      <div role="alert" className="mt-6 space-y-3 rounded-md border border-warning-border bg-warning-soft p-4 text-sm">
        <p className="text-base font-semibold text-warning">Something went wrong on this page.</p>
        <p>Your settings are kept in the page address and in this browser, so trying again or reloading usually brings them back. Start over clears them.</p>
        {digest ? <p className="text-muted-foreground">Reference: <code className="font-mono">{digest}</code></p> : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <Button
            onClick={() => {
              storeDraft(null);
              window.location.assign("/");
            }}
          >
            Start over
          </Button>
        </div>
      </div>
    </main>
  );
}
