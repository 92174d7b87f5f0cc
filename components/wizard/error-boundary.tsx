"use client";

import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { sectionTitle, type SectionId } from "./sections";

declare global {
  interface Window {
    /**
     * Test-only: the id of a section that should throw once it is mounted (e2e/error-boundary.spec.ts sets it with
     * page.addInitScript). Nothing in the app reads the URL or the draft into it, so a share link cannot set it.
     */
    __WHEELWRIGHT_TEST_THROW__?: string;
  }
}

/** Throws after mounting when a test asked this section to (see Window.__WHEELWRIGHT_TEST_THROW__). */
function TestThrow({ id }: { id: SectionId }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (window.__WHEELWRIGHT_TEST_THROW__ === id) setArmed(true);
  }, [id]);
  if (armed) throw new Error(`test-only failure in the ${id} section`);
  return null;
}

export interface SectionBoundaryProps {
  id: SectionId;
  /** Clears the draft and the URL and loads the default spec (the wizard's Start over). */
  onStartOver: () => void;
  /** The Dockerfile to show when this section fails, if it is the one that shows it. */
  lastDockerfile?: string;
  children: ReactNode;
}

/**
 * Keeps the page usable when one section of the wizard throws while rendering: that section is replaced by a
 * short message, everything else keeps working. The spec stays where it is (the URL and the stored draft are kept
 * by useWizard, above every boundary), so Reload brings the page back as it was; Start over clears both.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Wheelwright: the ${this.props.id} section failed`, error, info.componentStack);
  }

  render() {
    const { id, lastDockerfile, onStartOver, children } = this.props;
    if (!this.state.failed)
      return (
        <>
          <TestThrow id={id} />
          {children}
        </>
      );
    return (
      <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 border-t border-border py-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
          {sectionTitle(id)}
        </h2>
        <div role="alert" className="mt-3 space-y-3 rounded-md border border-warning-border bg-warning-soft p-3 text-sm">
          <p className="font-semibold text-warning">This part of the page stopped working.</p>
          <p>Your settings are kept in the page address and in this browser: reloading brings them back. Start over clears them.</p>
          <div className="flex gap-2">
            <Button onClick={() => window.location.reload()}>Reload</Button>
            <Button
              onClick={() => {
                onStartOver();
                this.setState({ failed: false });
              }}
            >
              Start over
            </Button>
          </div>
        </div>
        {lastDockerfile ? (
          <div className="mt-3">
            <p className="text-sm font-medium">The last Dockerfile</p>
            <pre aria-label="The last Dockerfile" className="mt-1 max-h-[60vh] overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs">
              {lastDockerfile}
            </pre>
          </div>
        ) : null}
      </section>
    );
  }
}
