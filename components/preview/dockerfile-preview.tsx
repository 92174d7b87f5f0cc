"use client";

/**
 * The generated files, shown read-only. First (and on the server) as a highlighted <pre>, a complete preview on its
 * own (live, keyboard reachable, line notes on click and ↑/↓); on the first sign of intent to use it (see below)
 * Monaco is loaded with a dynamic import and takes the <pre>'s place in a box of the same fixed size, with the same
 * font, line height and padding, so the swap moves nothing (CLS budget < 0.01).
 *
 * The <pre> stays in the DOM after the swap (visually hidden): its textContent is always exactly the current file's
 * text, for tests, the copy button and assistive technology that prefers one block of text.
 */
import { Fragment, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { flushSync } from "react-dom";
import { highlightedLines, type LineNote, type TokenKind } from "@/lib/render/printed";
import type { PreviewFile } from "@/lib/wizard/files";
import { tokenize } from "./highlight";
import type { PreviewEditor, PreviewMetrics } from "./monaco-loader";
import { onFirstIntent, userHasInteracted, type Intent } from "@/browser/intent";
import { lazyModule } from "@/browser/lazy-module";

export interface DockerfilePreviewProps {
  files: PreviewFile[];
  /** Notes for the lines of the (first) Dockerfile-language file, 1-based inclusive ranges. */
  lineNotes?: LineNote[];
  /** The spec is invalid: the text shown is the last good one. */
  stale?: boolean;
  /** The spec's package facts are loading: the text shown is the previous spec's. */
  loading?: boolean;
  label?: string;
}

/** One set of metrics for both renderings; the box height below is a whole number of these lines plus padding. */
const METRICS: PreviewMetrics = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", "Courier New", monospace',
  fontSize: 13,
  lineHeight: 19,
  paddingTop: 8,
  paddingBottom: 8,
};

/** Colours chosen for ≥ 4.5:1 contrast on Monaco's own backgrounds (#fffffe light, #1e1e1e dark). */
const TOKEN_CLASS: Record<TokenKind, string | undefined> = {
  text: undefined,
  keyword: "text-blue-700 dark:text-sky-300",
  comment: "text-green-800 dark:text-green-400",
  string: "text-red-800 dark:text-orange-300",
  flag: "text-purple-700 dark:text-purple-300",
  variable: "text-cyan-800 dark:text-cyan-300",
};

function noteFor(notes: LineNote[], line: number | null): LineNote | undefined {
  if (line === null) return undefined;
  return notes.find((n) => n.from <= line && line <= n.to);
}

/** The kinds of intent that load the editor (also put on the section as `data-editor-intent`, for tests and benches). */
export type EditorIntent = Intent | "edit";

/** Monaco and the editor around it, loaded on the first intent to use the preview (failures: see start() below). */
const editorModule = lazyModule(
  () => import("./monaco-loader"),
  (err) => console.warn("Dockerfile preview: the editor could not be loaded; showing plain text.", err),
);

/** Lets the browser handle input (and paint) between evaluating Monaco's chunk and creating the editor. */
function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

const NO_NOTES: LineNote[] = [];

export function DockerfilePreview({ files, lineNotes = NO_NOTES, stale = false, loading = false, label = "Dockerfile preview" }: DockerfilePreviewProps) {
  const baseId = useId();
  const [activeName, setActiveName] = useState(files[0]?.name ?? "");
  const active = files.find((f) => f.name === activeName) ?? files[0];
  const activeIndex = active ? files.indexOf(active) : -1;
  const notedFile = files.find((f) => f.language === "dockerfile")?.name;
  const notes = active && active.name === notedFile ? lineNotes : NO_NOTES;

  const [selectedLine, setSelectedLine] = useState<number | null>(null);
  const [editorReady, setEditorReady] = useState(false);
  const note = noteFor(notes, selectedLine);

  const sectionRef = useRef<HTMLElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const preRef = useRef<HTMLPreElement>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const editorRef = useRef<PreviewEditor | null>(null);
  /** Starts loading the editor (once); set by the effect below, a no-op before and after it. */
  const requestEditor = useRef<(intent: EditorIntent) => void>(() => {});

  // The latest props and line, for the editor created asynchronously (it must start from what is current then).
  const latest = useRef({ files, active: active?.name ?? "", lineNotes, label, selectedLine });
  latest.current = { files, active: active?.name ?? "", lineNotes, label, selectedLine };

  /*
   * The highlighted <pre> is a facade: Monaco (≈ 680 KB gzip, a few hundred ms of main-thread work) is loaded only
   * on the first sign that someone is about to use the preview: the pointer over it, a touch on it, keyboard focus
   * inside it (tabs or text), or the first edit of the spec while the preview is on screen (near the viewport:
   * a phone, where it sits below the form, does not start a 3 MB editor for a view the user has not reached).
   * Nothing is prefetched before that. Once created, the editor renders synchronously and replaces the <pre> in
   * the same task (same box, same metrics), taking over its scroll position, selected line and focus.
   */
  const edited = useRef(false);
  useEffect(() => {
    const section = sectionRef.current!;
    let cancelled = false;
    let started = false;
    let near = typeof IntersectionObserver === "undefined";

    const stopIntent = onFirstIntent(section, start);
    const stopListening = () => {
      stopIntent();
      io?.disconnect();
    };
    const io =
      typeof IntersectionObserver === "undefined"
        ? undefined
        : new IntersectionObserver(
            (entries) => {
              near = entries.some((e) => e.isIntersecting);
              if (near && edited.current) start("edit");
            },
            { rootMargin: "50% 0px" },
          );
    io?.observe(section);
    requestEditor.current = (intent) => {
      if (intent !== "edit" || near) start(intent);
    };

    function start(intent: EditorIntent) {
      if (started || cancelled) return;
      started = true;
      stopListening();
      section.setAttribute("data-editor-intent", intent);
      performance.mark("preview:intent", { detail: intent });
      editorModule
        .load()
        .then(async ({ prepareMonaco, createPreviewEditor }) => {
          // Evaluating the chunk, preparing Monaco and creating the editor are three tasks: input runs in between.
          await yieldToMain();
          if (cancelled) return;
          prepareMonaco();
          await yieldToMain();
          const host = hostRef.current;
          if (cancelled || !host) return;
          const now = latest.current;
          const editor = createPreviewEditor(host, {
            files: now.files,
            active: now.active,
            notes: now.lineNotes,
            metrics: METRICS,
            ariaLabel: now.label,
            onLineSelected: (_file, line) => setSelectedLine(line),
          });
          editorRef.current = editor;
          await editor.rendered;
          if (cancelled) return;
          const pre = preRef.current;
          const hadFocus = pre !== null && document.activeElement === pre;
          editor.takeOver({ scrollTop: pre?.scrollTop ?? 0, line: latest.current.selectedLine });
          // Commit the swap now, in the task that rendered the editor: the next frame shows it.
          flushSync(() => setEditorReady(true));
          if (hadFocus) editor.focus();
          performance.mark("preview:shown");
        })
        .catch((err: unknown) => {
          // The highlighted <pre> stays: the preview still works without Monaco.
          console.warn("Dockerfile preview: the editor could not be loaded; showing plain text.", err);
        });
    }

    return () => {
      cancelled = true;
      stopListening();
      requestEditor.current = () => {};
      editorRef.current?.dispose();
      editorRef.current = null;
      setEditorReady(false);
    };
  }, []);

  // Text (and note) updates go to the existing models with a minimal edit (the scroll position stays), in the same
  // task as React's commit (a layout effect), and the editor renders its view right away instead of in its next
  // animation frame: when the input's task ends, the new text is in the DOM and the next paint shows it.
  // Timings for bench:web: data-commit-at (this effect starts: React's render and commit are done), data-update-ms
  // (Monaco's model and decoration update), data-render-ms (Monaco's view render).
  const filesKey = files.map((f) => `${f.name}\u0000${f.language}\u0000${f.text}`).join("\u0001");
  const initialFilesKey = useRef(filesKey);
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (!editor) {
      // The first edit of the spec by the user (a draft restored on load is not one: no input from the user yet).
      if (filesKey !== initialFilesKey.current && userHasInteracted()) {
        edited.current = true;
        requestEditor.current("edit");
      }
      return;
    }
    const t0 = performance.now();
    const ms = editor.update(latest.current.files, latest.current.lineNotes);
    editor.show(latest.current.active);
    const t1 = performance.now();
    editor.renderNow();
    const t2 = performance.now();
    const section = sectionRef.current;
    section?.setAttribute("data-commit-at", t0.toFixed(3));
    section?.setAttribute("data-update-ms", ms.toFixed(3));
    section?.setAttribute("data-render-ms", (t2 - t1).toFixed(3));
  }, [filesKey, lineNotes, editorReady]);

  useLayoutEffect(() => {
    if (!active || !editorRef.current) return;
    editorRef.current.show(active.name);
    editorRef.current.renderNow();
  }, [active?.name, editorReady]); // eslint-disable-line react-hooks/exhaustive-deps -- `active` itself changes identity with every text update

  // Once Monaco shows the text, the (visually hidden) <pre> only needs the plain text: no token spans to re-render per keystroke.
  // A generated file comes with its printer's highlight; only other text is tokenised here.
  const lines = useMemo(
    () => (!active || editorReady ? [] : active.highlight ? highlightedLines(active.text, active.highlight) : tokenize(active.text, active.language)),
    [active, editorReady],
  );
  const notedLines = useMemo(() => {
    const set = new Set<number>();
    for (const n of notes) for (let l = n.from; l <= n.to; l++) set.add(l);
    return set;
  }, [notes]);

  function selectTab(index: number) {
    const file = files[(index + files.length) % files.length];
    if (!file) return;
    setActiveName(file.name);
    setSelectedLine(null);
    tabRefs.current[files.indexOf(file)]?.focus();
  }

  function onTabKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const keys: Record<string, number> = {
      ArrowRight: activeIndex + 1,
      ArrowLeft: activeIndex - 1,
      Home: 0,
      End: files.length - 1,
    };
    if (!(e.key in keys)) return;
    e.preventDefault();
    selectTab(keys[e.key]);
  }

  // Fallback <pre>: a click (or ↑/↓ when focused) selects a line and shows its note.
  function lineAt(clientY: number): number {
    const pre = preRef.current;
    if (!pre) return 1;
    const y = clientY - pre.getBoundingClientRect().top + pre.scrollTop - METRICS.paddingTop;
    return Math.min(Math.max(Math.floor(y / METRICS.lineHeight) + 1, 1), lines.length);
  }
  function onPreClick(e: MouseEvent<HTMLPreElement>) {
    setSelectedLine(lineAt(e.clientY));
  }
  function onPreKeyDown(e: KeyboardEvent<HTMLPreElement>) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const next = Math.min(Math.max((selectedLine ?? 0) + (e.key === "ArrowDown" ? 1 : -1), 1), lines.length);
    setSelectedLine(next);
    const pre = preRef.current;
    if (!pre) return;
    const top = METRICS.paddingTop + (next - 1) * METRICS.lineHeight;
    if (top < pre.scrollTop) pre.scrollTop = top - METRICS.paddingTop;
    else if (top + METRICS.lineHeight > pre.scrollTop + pre.clientHeight)
      pre.scrollTop = top + METRICS.lineHeight + METRICS.paddingBottom - pre.clientHeight;
  }

  const panelId = `${baseId}-panel`;
  const tabId = (i: number) => `${baseId}-tab-${i}`;

  return (
    <section ref={sectionRef} aria-label={label} className="flex flex-col overflow-hidden rounded-lg border border-border">
      <div className="flex h-10 shrink-0 items-stretch justify-between gap-2 border-b border-border bg-muted">
        <div role="tablist" aria-label={`${label}: files`} className="flex items-stretch">
          {files.map((file, i) => {
            const selected = i === activeIndex;
            return (
              <button
                key={file.name}
                ref={(el) => {
                  tabRefs.current[i] = el;
                }}
                id={tabId(i)}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                onClick={() => selectTab(i)}
                onKeyDown={onTabKeyDown}
                className={
                  "border-b-2 px-3 font-mono text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 " +
                  (selected
                    ? "border-sky-600 bg-background text-foreground dark:border-sky-400"
                    : "border-transparent text-zinc-700 hover:text-foreground dark:text-zinc-300")
                }
              >
                {file.name}
              </button>
            );
          })}
        </div>
        {stale ? (
          <p
            role="status"
            className="m-1.5 flex items-center rounded bg-amber-100 px-2 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100"
          >
            Out of date: fix the highlighted field
          </p>
        ) : loading ? (
          <p role="status" className="m-1.5 flex items-center rounded bg-muted px-2 text-xs font-medium text-muted-foreground">
            Loading package facts…
          </p>
        ) : null}
      </div>

      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={activeIndex >= 0 ? tabId(activeIndex) : undefined}
        data-editor={editorReady ? "monaco" : "pre"}
        className="relative h-[36rem] shrink-0 bg-[#fffffe] text-zinc-900 dark:bg-[#1e1e1e] dark:text-zinc-200"
      >
        <pre
          ref={preRef}
          data-testid="preview-text"
          tabIndex={editorReady ? -1 : 0}
          onClick={editorReady ? undefined : onPreClick}
          onKeyDown={editorReady ? undefined : onPreKeyDown}
          style={{
            fontFamily: METRICS.fontFamily,
            fontSize: METRICS.fontSize,
            lineHeight: `${METRICS.lineHeight}px`,
            paddingTop: METRICS.paddingTop,
            paddingBottom: METRICS.paddingBottom,
          }}
          className={
            editorReady
              ? "sr-only"
              : "absolute inset-0 m-0 overflow-auto whitespace-pre focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600"
          }
        >
          {!editorReady && selectedLine !== null ? (
            <span
              aria-hidden="true"
              className="pointer-events-none absolute inset-x-0 bg-sky-500/10"
              style={{ top: METRICS.paddingTop + (selectedLine - 1) * METRICS.lineHeight, height: METRICS.lineHeight }}
            />
          ) : null}
          <code className="dockerfile-lines">
            {editorReady ? active?.text : null}
            {lines.map((tokens, i) => (
              <Fragment key={i}>
                {i > 0 ? "\n" : null}
                <span data-line={i + 1} data-noted={notedLines.has(i + 1) ? "" : undefined}>
                  {tokens.map((t, j) => (
                    <span key={j} className={TOKEN_CLASS[t.kind]}>
                      {t.text}
                    </span>
                  ))}
                </span>
              </Fragment>
            ))}
          </code>
        </pre>
        <div ref={hostRef} aria-hidden={editorReady ? undefined : true} className={"absolute inset-0" + (editorReady ? "" : " invisible")} />
      </div>

      <div
        aria-live="polite"
        data-testid="preview-note"
        className="h-14 shrink-0 overflow-auto border-t border-border bg-muted px-3 py-2 text-sm text-foreground"
      >
        {note ? (
          <p>
            <span className="font-medium">
              {note.from === note.to ? `Line ${note.from}` : `Lines ${note.from}–${note.to}`}:
            </span>{" "}
            {note.note}
          </p>
        ) : null}
      </div>
    </section>
  );
}
