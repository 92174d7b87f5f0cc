import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Wheelwright — lean multi-stage Dockerfiles for Python",
  description:
    "Design lean, secure multi-stage Dockerfiles for Python apps: build dependencies stay in a builder stage, only runtime libraries ship in the final image.",
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">{children}</body>
    </html>
  );
}
