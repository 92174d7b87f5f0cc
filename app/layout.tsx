import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wheelwright — lean multi-stage Dockerfiles for Python",
  description:
    "Design lean, secure multi-stage Dockerfiles for Python apps: build dependencies stay in a builder stage, only runtime libraries ship in the final image.",
};

/**
 * Every page renders per request: the Content-Security-Policy (proxy.ts) carries a fresh nonce that Next.js stamps
 * on its inline scripts, and a page prerendered at build time would have scripts without it (blocked).
 */
export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">{children}</body>
    </html>
  );
}
