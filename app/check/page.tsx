import type { Metadata } from "next";
import { CheckDockerfile } from "@/components/check/check-dockerfile";
import { TriageBox } from "@/components/check/triage-box";

export const metadata: Metadata = {
  title: "Check a Dockerfile — Wheelwright",
  description: "Audit any Dockerfile against Wheelwright's rules, rebuild it with the wizard, or read a failed build log.",
};

/** The audit and triage place: the rules, the parser and Debian's file table load only when asked (lib/check.ts). */
export default function CheckPage() {
  return (
    <main className="mx-auto max-w-[100rem] px-4 pb-16 sm:px-6">
      <header className="py-6">
        <h1 className="text-3xl font-bold tracking-tight">Check a Dockerfile</h1>
        <p className="mt-1 text-base text-muted-foreground">
          Paste a Dockerfile to see what would fail or bloat it, line by line; or paste a failed build or start log to learn which package is
          missing. <a href="/" className="underline">Back to the wizard</a>
        </p>
      </header>
      <CheckDockerfile />
      <TriageBox />
    </main>
  );
}
