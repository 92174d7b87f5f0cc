"use client";

import { ErrorPanel } from "@/components/errors/error-panel";
import "./globals.css";

/** An error in the root layout itself: replaces the whole document, so it brings its own <html> and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">
        <title>Something went wrong — Wheelwright</title>
        <ErrorPanel error={error} retry={retry} />
      </body>
    </html>
  );
}
